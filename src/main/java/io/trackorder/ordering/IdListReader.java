package io.trackorder.ordering;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.trackorder.errors.ApiException;

/**
 * Reads a reorder request body, {@code {"<field>": ["id", …]}}, straight from the token stream:
 * each rule gets its own error, and a list over the limit is refused without being held in memory.
 * The surface decides the errors, and whether other top-level fields are refused or skipped.
 */
public final class IdListReader {

    /** The errors of one surface. */
    public interface Rules {
        ApiException notAnArrayOfIds();

        ApiException tooManyIds(int maxItems);

        ApiException idTooLong(int maxLength);

        /** The error for an unknown top-level field, or null to skip it. */
        ApiException unknownField(String field);
    }

    private final String field;
    private final int maxItems;
    private final int maxIdLength;
    private final Rules rules;

    public IdListReader(String field, int maxItems, int maxIdLength, Rules rules) {
        this.field = field;
        this.maxItems = maxItems;
        this.maxIdLength = maxIdLength;
        this.rules = rules;
    }

    /** Reads the ids; the parser stands on the body's first token. */
    public List<String> read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw rules.notAnArrayOfIds();
        }
        List<String> ids = null;
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            parser.nextToken();
            if (field.equals(name)) {
                ids = readIds(parser);
            } else {
                ApiException unknown = rules.unknownField(name);
                if (unknown != null) {
                    throw unknown;
                }
                parser.skipChildren();
            }
        }
        if (ids == null) {
            throw rules.notAnArrayOfIds();
        }
        return ids;
    }

    private List<String> readIds(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw rules.notAnArrayOfIds();
        }
        List<String> ids = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_STRING) {
                throw rules.notAnArrayOfIds();
            }
            if (ids.size() == maxItems) {
                throw rules.tooManyIds(maxItems);
            }
            if (parser.getTextLength() > maxIdLength) {
                throw rules.idTooLong(maxIdLength);
            }
            ids.add(parser.getText());
        }
        return ids;
    }
}
