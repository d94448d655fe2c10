package io.trackorder.collections;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.trackorder.Ids;
import io.trackorder.errors.ApiException;
import io.trackorder.events.Events;

/**
 * The fields of a collection create or PATCH body. A PATCH tells "absent" (leave unchanged) from
 * an explicit {@code null} (clear), which a record cannot, so the body is read field by field.
 */
final class CollectionEdit {

    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String COVER_TRACK_ID = "cover_track_id";
    static final String COVER_IMAGE_URL = "cover_image_url";
    static final int MAX_NAME_LENGTH = 512;
    static final int MAX_DESCRIPTION_LENGTH = 4096;
    static final int MAX_COVER_IMAGE_URL_LENGTH = 1024;
    private static final Map<String, Integer> MAX_LENGTH = Map.of(NAME, MAX_NAME_LENGTH, DESCRIPTION,
            MAX_DESCRIPTION_LENGTH, COVER_TRACK_ID, Ids.MAX_LENGTH, COVER_IMAGE_URL, MAX_COVER_IMAGE_URL_LENGTH);
    private static final Set<String> NULLABLE = Set.of(DESCRIPTION, COVER_TRACK_ID, COVER_IMAGE_URL);

    private final Map<String, String> values;

    private CollectionEdit(Map<String, String> values) {
        this.values = values;
    }

    static CollectionEdit forCreate(JsonNode body) {
        CollectionEdit edit = parse(body);
        if (!edit.has(NAME)) {
            throw ApiException.validation(NAME, "name is required");
        }
        return edit;
    }

    static CollectionEdit forUpdate(JsonNode body) {
        return parse(body);
    }

    private static CollectionEdit parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.validation("body", "The request body must be a JSON object");
        }
        Map<String, String> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            values.put(name, checked(name, field.getValue()));
        }
        return new CollectionEdit(values);
    }

    private static String checked(String field, JsonNode value) {
        Integer maxLength = MAX_LENGTH.get(field);
        if (maxLength == null) {
            throw ApiException.validation(field, "Unknown field: " + field);
        }
        if (value.isNull()) {
            if (!NULLABLE.contains(field)) {
                throw ApiException.validation(field, field + " cannot be null");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.validation(field, field + " must be a string");
        }
        String text = value.textValue();
        if (text.length() > maxLength || (NAME.equals(field) && text.isEmpty())) {
            throw ApiException.validation(field, field + " must be 1 to " + maxLength + " characters");
        }
        if (COVER_IMAGE_URL.equals(field) && !isWebUrl(text)) {
            throw ApiException.validation(field, "cover_image_url must be an http or https URL");
        }
        return text;
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    boolean has(String field) {
        return values.containsKey(field);
    }

    String get(String field) {
        return values.get(field);
    }

    /** The fields the body sets, with their values, as a change event carries them. */
    ObjectNode fields() {
        ObjectNode fields = Events.fields();
        values.forEach(fields::put);
        return fields;
    }

    void applyTo(MusicCollection collection) {
        if (has(NAME)) {
            collection.name = get(NAME);
        }
        if (has(DESCRIPTION)) {
            collection.description = get(DESCRIPTION);
        }
        if (has(COVER_TRACK_ID)) {
            collection.coverTrackId = get(COVER_TRACK_ID);
        }
        if (has(COVER_IMAGE_URL)) {
            collection.coverImageUrl = get(COVER_IMAGE_URL);
        }
    }
}
