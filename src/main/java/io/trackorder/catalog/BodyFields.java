package io.trackorder.catalog;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.trackorder.errors.ApiException;

/**
 * Reads the fields of a Releases API request body, one typed value at a time, with the documented
 * limits; every violation is a 400 that names the field. Fields the API does not know or does not
 * let clients set ({@code id}, {@code status}, …) are ignored, so a client may send back what it read.
 */
public final class BodyFields {

    public static final int MAX_LIST_ITEMS = 100;
    public static final int MAX_ITEM_LENGTH = 256;

    private final JsonNode body;

    private BodyFields(JsonNode body) {
        this.body = body;
    }

    public static BodyFields of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("body", "The request body must be a JSON object");
        }
        return new BodyFields(body);
    }

    boolean has(String field) {
        return body.has(field);
    }

    public JsonNode node(String field) {
        return body.get(field);
    }

    /** A string of 1 to {@code maxLength} characters, or null. */
    public String text(String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isEmpty() || value.textValue().length() > maxLength) {
            throw invalid(field, field + " must be a string of 1 to " + maxLength + " characters");
        }
        return value.textValue();
    }

    String requiredText(String field, int maxLength) {
        String text = text(field, maxLength);
        if (text == null || text.isBlank()) {
            throw invalid(field, field + " is required");
        }
        return text;
    }

    /** One of the given values, or null. */
    public String oneOf(String field, Set<String> allowed) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !allowed.contains(value.textValue())) {
            throw invalid(field, field + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value.textValue();
    }

    /** An array of non-empty strings; null reads as empty. */
    public List<String> texts(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        String rule = field + " must be an array of at most " + MAX_LIST_ITEMS + " strings of 1 to "
                + MAX_ITEM_LENGTH + " characters";
        if (!value.isArray() || value.size() > MAX_LIST_ITEMS) {
            throw invalid(field, rule);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.textValue().isEmpty() || item.textValue().length() > MAX_ITEM_LENGTH) {
                throw invalid(field, rule);
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    /** A number from 0 to {@code max}, or null. */
    public Double nonNegative(String field, double max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() < 0 || value.doubleValue() > max) {
            throw invalid(field, field + " must be a number from 0 to " + (long) max);
        }
        return value.doubleValue();
    }

    /** A {@code YYYY-MM-DD} date, or null. */
    public LocalDate date(String field) {
        String text = text(field, 10);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " must be a date as YYYY-MM-DD");
        }
    }

    public UUID uuid(String field) {
        String text = text(field, 36);
        if (text == null) {
            return null;
        }
        UUID id = Uuids.parse(text);
        if (id == null) {
            throw invalid(field, field + " must be a UUID");
        }
        return id;
    }

    /** A JSON object of anything; null reads as empty. */
    ObjectNode object(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!value.isObject()) {
            throw invalid(field, field + " must be an object");
        }
        return (ObjectNode) value;
    }

    public static ApiException invalid(String field, String reason) {
        return ApiException.validation(field, reason);
    }
}
