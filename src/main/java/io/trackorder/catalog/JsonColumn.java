package io.trackorder.catalog;

import java.util.List;
import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;

/**
 * Reads and writes a {@code jsonb} column as JSON text. Hibernate Reactive's own JSON mapping
 * accepts only JSON objects at the top level, not arrays, and artists and genres are
 * arrays; so each such column is text to Hibernate and cast to {@code jsonb} in SQL, where
 * {@link CatalogEntry} declares it.
 * <p>
 * Native image: Hibernate creates the converters by reflection, and Quarkus registers them for it
 * only when they carry {@code @Converter} ({@code @Convert} alone is not enough). The column types
 * are built with the {@link TypeFactory} rather than read from the generic signature of
 * {@code TypeReference} subclasses, which needs reflection metadata too.
 */
public abstract class JsonColumn<T> implements AttributeConverter<T, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeFactory TYPES = JSON.getTypeFactory();

    private final JavaType type;

    JsonColumn(JavaType type) {
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

    @Converter
    static final class Artists extends JsonColumn<List<ArtistReference>> {
        Artists() {
            super(TYPES.constructCollectionType(List.class, ArtistReference.class));
        }
    }

    @Converter
    static final class Texts extends JsonColumn<List<String>> {
        Texts() {
            super(TYPES.constructCollectionType(List.class, String.class));
        }
    }

    @Converter
    public static final class Contributors extends JsonColumn<Map<String, List<String>>> {
        Contributors() {
            super(TYPES.constructMapType(Map.class, TYPES.constructType(String.class),
                    TYPES.constructCollectionType(List.class, String.class)));
        }
    }

    @Converter
    static final class JsonObject extends JsonColumn<ObjectNode> {
        JsonObject() {
            super(TYPES.constructType(ObjectNode.class));
        }
    }
}
