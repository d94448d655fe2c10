package io.trackorder.releases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.trackorder.catalog.BodyFields;
import io.trackorder.catalog.CatalogEdit;
import io.trackorder.releasetracks.ReleaseTrackService;
import io.trackorder.releasetracks.TrackEdit;

/** The body of {@code POST /releases} and {@code PUT /releases/{id}}. */
final class ReleaseEdit extends CatalogEdit<Release> {

    static final String TRACKS = "tracks";
    static final int MAX_DESCRIPTION_LENGTH = 4096;
    static final Set<String> FORMATS = Set.of("Single", "EP", "Album", "Mixtape", "Compilation");
    static final Set<String> TYPES = Set.of("Audio", "Video", "Audiovisual");

    private final List<TrackEdit> tracks = new ArrayList<>();

    private ReleaseEdit(JsonNode json, int tenantId, boolean creating) {
        super(json, tenantId, creating);
        set("format", () -> body.oneOf("format", FORMATS), (release, value) -> release.format = value);
        set("type", () -> body.oneOf("type", TYPES), (release, value) -> release.type = value);
        set("label", () -> body.text("label", MAX_NAME_LENGTH), (release, value) -> release.label = value);
        set("copyright", () -> body.text("copyright", MAX_NAME_LENGTH), (release, value) -> release.copyright = value);
        set("description", () -> body.text("description", MAX_DESCRIPTION_LENGTH),
                (release, value) -> release.description = value);
        set("releaseDate", () -> body.date("releaseDate"), (release, value) -> release.releaseDate = value);
        set("preReleaseDate", () -> body.date("preReleaseDate"), (release, value) -> release.preReleaseDate = value);
    }

    static ReleaseEdit forCreate(JsonNode json, int tenantId) {
        ReleaseEdit edit = new ReleaseEdit(json, tenantId, true);
        if (!edit.has(DISPLAY_ARTIST)) {
            throw BodyFields.invalid(DISPLAY_ARTIST, "displayArtist is required");
        }
        JsonNode tracks = edit.body.node(TRACKS);
        if (tracks != null && !tracks.isNull()) {
            if (!tracks.isArray() || tracks.size() > ReleaseTrackService.MAX_TRACKS) {
                throw BodyFields.invalid(TRACKS, "tracks must be an array of at most " + ReleaseTrackService.MAX_TRACKS
                        + " tracks");
            }
            for (JsonNode track : tracks) {
                edit.tracks.add(TrackEdit.forCreate(track, tenantId));
            }
        }
        return edit;
    }

    /** Tracks cannot be replaced here: they change through the track endpoints, which keep the numbering. */
    static ReleaseEdit forUpdate(JsonNode json, int tenantId) {
        ReleaseEdit edit = new ReleaseEdit(json, tenantId, false);
        if (edit.has(TRACKS)) {
            throw BodyFields.invalid(TRACKS, "tracks cannot be changed here; use the release's track endpoints");
        }
        return edit;
    }

    /** The tracks of a create request, in the order given. */
    List<TrackEdit> tracks() {
        return tracks;
    }
}
