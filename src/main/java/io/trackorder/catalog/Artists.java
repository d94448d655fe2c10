package io.trackorder.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the artists of a release or track. Clients send them as Royalti does, a map
 * {@code {"Artist Name": "primary"}}, or as a list {@code [{artistName, type}]}; either way each
 * artist gets an id that is the same wherever the name appears in the workspace: a name-based
 * UUID of the tenant and the name, so no lookup table and no race between two first uses.
 */
public final class Artists {

    public static final int MAX_ARTISTS = 100;
    private static final String RULE = " must be a map of artist name to \"primary\" or \"featuring\", "
            + "or an array of {artistName, type}, with at most " + MAX_ARTISTS + " artists";

    private Artists() {
    }

    static List<ArtistReference> read(BodyFields body, String field, int tenantId) {
        JsonNode value = body.node(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.size() > MAX_ARTISTS || !(value.isObject() || value.isArray())) {
            throw BodyFields.invalid(field, field + RULE);
        }
        List<ArtistReference> artists = new ArrayList<>();
        if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> entries = value.fields(); entries.hasNext();) {
                Map.Entry<String, JsonNode> entry = entries.next();
                artists.add(artist(field, tenantId, entry.getKey(), entry.getValue()));
            }
        } else {
            for (JsonNode item : value) {
                if (!item.isObject()) {
                    throw BodyFields.invalid(field, field + RULE);
                }
                artists.add(artist(field, tenantId, item.path("artistName").textValue(), item.get("type")));
            }
        }
        return artists;
    }

    private static ArtistReference artist(String field, int tenantId, String name, JsonNode type) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > CatalogEdit.MAX_NAME_LENGTH || type == null
                || !("primary".equals(type.textValue()) || "featuring".equals(type.textValue()))) {
            throw BodyFields.invalid(field, field + RULE);
        }
        return new ArtistReference(idOf(tenantId, trimmed), trimmed, type.textValue());
    }

    static UUID idOf(int tenantId, String name) {
        return UUID.nameUUIDFromBytes(("artist:" + tenantId + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
