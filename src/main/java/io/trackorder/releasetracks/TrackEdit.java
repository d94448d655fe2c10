package io.trackorder.releasetracks;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.trackorder.catalog.BodyFields;
import io.trackorder.catalog.CatalogEdit;
import io.trackorder.catalog.RecordingCodes;

/**
 * The body of a track: {@code POST /releases/{id}/tracks}, {@code PUT …/tracks/{trackId}}, or one of a new release's tracks.
 */
public final class TrackEdit extends CatalogEdit<ReleaseTrack> {

    /** BCP 47: a language subtag, then optional subtags such as a region. */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}");
    private static final double MAX_DURATION_SECONDS = 24 * 3600;
    static final int MAX_CONTRIBUTOR_ROLES = 50;
    static final int MAX_ROLE_LENGTH = 64;
    static final int MAX_LYRICS_LENGTH = 65_536;

    private TrackEdit(JsonNode json, int tenantId, boolean creating) {
        super(json, tenantId, creating);
        set("assetId", () -> body.uuid("assetId"), (track, value) -> track.assetId = value);
        set("isrc", () -> code("isrc", RecordingCodes::isrc, "an ISRC such as USABC1234567"),
                (track, value) -> track.isrc = value);
        set("iswc", () -> code("iswc", RecordingCodes::iswc, "an ISWC such as T-123456789-0"),
                (track, value) -> track.iswc = value);
        set("duration", () -> body.nonNegative("duration", MAX_DURATION_SECONDS), (track, value) -> track.duration = value);
        set("lyrics", () -> body.text("lyrics", MAX_LYRICS_LENGTH), (track, value) -> track.lyrics = value);
        set("language", this::language, (track, value) -> track.language = value);
        set("contributors", this::contributors, (track, value) -> track.contributors = value);
        JsonNode media = body.node("media");
        if (media != null && !media.isNull() && !(media.isArray() && media.isEmpty())) {
            throw BodyFields.invalid("media", "media cannot be set through this API yet; send [] or leave it out");
        }
    }

    public static TrackEdit forCreate(JsonNode json, int tenantId) {
        return new TrackEdit(json, tenantId, true);
    }

    static TrackEdit forUpdate(JsonNode json, int tenantId) {
        return new TrackEdit(json, tenantId, false);
    }

    private String code(String field, UnaryOperator<String> canonical, String expected) {
        String text = body.text(field, 32);
        if (text == null) {
            return null;
        }
        String code = canonical.apply(text);
        if (code == null) {
            throw BodyFields.invalid(field, field + " must be " + expected);
        }
        return code;
    }

    private String language() {
        String text = body.text("language", 35);
        if (text != null && !LANGUAGE.matcher(text).matches()) {
            throw BodyFields.invalid("language", "language must be a language tag such as en or pt-BR");
        }
        return text;
    }

    /** {@code {role: [names]}}; null reads as empty. */
    private Map<String, List<String>> contributors() {
        JsonNode value = body.node("contributors");
        Map<String, List<String>> contributors = new LinkedHashMap<>();
        if (value.isNull()) {
            return contributors;
        }
        if (!value.isObject() || value.size() > MAX_CONTRIBUTOR_ROLES) {
            throw BodyFields.invalid("contributors", "contributors must be an object of role to an array of names");
        }
        for (Iterator<Map.Entry<String, JsonNode>> roles = value.fields(); roles.hasNext();) {
            Map.Entry<String, JsonNode> role = roles.next();
            if (role.getKey().isBlank() || role.getKey().length() > MAX_ROLE_LENGTH) {
                throw BodyFields.invalid("contributors", "contributors must be an object of role to an array of names");
            }
            contributors.put(role.getKey(), BodyFields.of(value).texts(role.getKey()));
        }
        return contributors;
    }
}
