package io.trackorder.releases;

import java.util.List;
import java.util.Map;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes a {@code jsonb} column as JSON text. Hibernate Reactive's own JSON mapping
 * accepts only JSON objects at the top level (hibernate-reactive#4156), and artists and genres are
 * arrays; so each such column is text to Hibernate and cast to {@code jsonb} in SQL, where
 * {@link CatalogEntry} declares it.
 */
abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TypeReference<T> type;

    JsonColumn(TypeReference<T> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(T value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON column", e);
        }
    }

    @Override
    public T convertToEntityAttribute(String json) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a JSON column", e);
        }
    }

    static final class Artists extends JsonColumn<List<ArtistReference>> {
        Artists() {
            super(new TypeReference<>() {
            });
        }
    }

    static final class Texts extends JsonColumn<List<String>> {
        Texts() {
            super(new TypeReference<>() {
            });
        }
    }

    static final class Contributors extends JsonColumn<Map<String, List<String>>> {
        Contributors() {
            super(new TypeReference<>() {
            });
        }
    }

    static final class JsonObject extends JsonColumn<ObjectNode> {
        JsonObject() {
            super(new TypeReference<>() {
            });
        }
    }
}
