package io.trackorder.collections;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import io.trackorder.Ids;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;
import io.trackorder.ordering.IdListReader;

/** Body of {@code PATCH /collections/{id}/order}. */
@JsonDeserialize(using = ReorderRequest.Reader.class)
@Schema(additionalProperties = Schema.False.class)
public record ReorderRequest(
        @JsonProperty("ordered_track_ids") @Schema(required = true, maxItems = CollectionService.MAX_TRACKS, description = "Track ids (`mtrack_…`, at most "
                + Ids.MAX_LENGTH
                + " characters each) in the desired order; ids not in "
                + "the collection are ignored.", examples = "[\"mtrack_1b9c4e7f2a6d\", \"mtrack_8d2e1f6a3c9b\"]") List<String> orderedTrackIds) {

    static final String FIELD = "ordered_track_ids";

    static ApiException notAnArrayOfIds() {
        return ApiException.validation(FIELD, FIELD + " must be an array of track ids");
    }

    /** Every reorder body rule (src/site/markdown/api.md) gets its own 422; other top-level fields are refused. */
    static final class Reader extends StdDeserializer<ReorderRequest> implements IdListReader.Rules {

        private final IdListReader ids = new IdListReader(FIELD, CollectionService.MAX_TRACKS, Ids.MAX_LENGTH, this);

        Reader() {
            super(ReorderRequest.class);
        }

        @Override
        public ReorderRequest deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return new ReorderRequest(ids.read(parser));
        }

        @Override
        public ApiException notAnArrayOfIds() {
            return ReorderRequest.notAnArrayOfIds();
        }

        @Override
        public ApiException tooManyIds(int maxItems) {
            return new ApiException(ErrorCode.VALIDATION_ERROR, FIELD + " may hold at most " + maxItems + " track ids",
                    Map.of("field", FIELD, "max_items", maxItems));
        }

        @Override
        public ApiException idTooLong(int maxLength) {
            return new ApiException(ErrorCode.VALIDATION_ERROR,
                    FIELD + " holds an id of more than " + maxLength + " characters",
                    Map.of("field", FIELD, "max_length", maxLength));
        }

        @Override
        public ApiException unknownField(String field) {
            return ApiException.validation(field, "Unknown field: " + field);
        }
    }
}
