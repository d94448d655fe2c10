package io.trackorder.collections;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import io.trackorder.web.ApiException;
import io.trackorder.web.ErrorCode;

/** Body of {@code PATCH /collections/{id}/order}. */
@JsonDeserialize(using = ReorderRequest.Reader.class)
public record ReorderRequest(
        @JsonProperty("ordered_track_ids")
        @Schema(required = true, maxItems = ReorderRequest.MAX_ITEMS,
                description = "Track ids (`mtrack_…`) in the desired order; ids not in the collection are ignored.",
                examples = "[\"mtrack_1b9c4e7f2a6d\", \"mtrack_8d2e1f6a3c9b\"]")
        List<String> orderedTrackIds) {

    static final String FIELD = "ordered_track_ids";
    static final int MAX_ITEMS = 10_000;

    static ApiException notAnArrayOfIds() {
        return ApiException.validation(FIELD, FIELD + " must be an array of track ids");
    }

    /**
     * Reads the body as a stream, so that every rule of the contract gets its own 422 and a list
     * longer than the limit is refused without being held in memory.
     */
    static final class Reader extends StdDeserializer<ReorderRequest> {

        Reader() {
            super(ReorderRequest.class);
        }

        @Override
        public ReorderRequest deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw notAnArrayOfIds();
            }
            List<String> ids = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                parser.nextToken();
                if (!FIELD.equals(field)) {
                    throw ApiException.validation(field, "Unknown field: " + field);
                }
                ids = readIds(parser);
            }
            if (ids == null) {
                throw notAnArrayOfIds();
            }
            return new ReorderRequest(ids);
        }

        private static List<String> readIds(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw notAnArrayOfIds();
            }
            List<String> ids = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.VALUE_STRING) {
                    throw notAnArrayOfIds();
                }
                if (ids.size() == MAX_ITEMS) {
                    throw new ApiException(ErrorCode.VALIDATION_ERROR,
                            FIELD + " may hold at most " + MAX_ITEMS + " track ids",
                            Map.of("field", FIELD, "max_items", MAX_ITEMS));
                }
                ids.add(parser.getText());
            }
            return ids;
        }
    }
}
