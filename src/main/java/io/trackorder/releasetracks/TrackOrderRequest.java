package io.trackorder.releasetracks;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import io.trackorder.Ids;
import io.trackorder.errors.ApiException;
import io.trackorder.ordering.IdListReader;

/** Body of {@code POST /releases/{id}/tracks/reorder}, Royalti's {@code TrackOrderRequest}. */
@Schema(name = "TrackOrderRequest", requiredProperties = "trackOrder")
@JsonDeserialize(using = TrackOrderRequest.Reader.class)
public record TrackOrderRequest(
        @Schema(description = "Array of track IDs in desired order (each at most " + Ids.MAX_LENGTH
                + " characters)", type = SchemaType.ARRAY, implementation = UUID.class, maxItems = ReleaseTrackService.MAX_TRACKS, examples = "[\"660e8400-e29b-41d4-a716-446655441111\", \"550e8400-e29b-41d4-a716-446655440000\"]") List<String> trackOrder) {

    static final String FIELD = "trackOrder";

    static ApiException notAnArrayOfIds() {
        return ApiException.validation(FIELD, "trackOrder must be an array of track ids");
    }

    /** Other top-level fields are skipped, as everywhere on the Releases API. */
    static final class Reader extends StdDeserializer<TrackOrderRequest> implements IdListReader.Rules {

        private final IdListReader ids = new IdListReader(FIELD, ReleaseTrackService.MAX_TRACKS, Ids.MAX_LENGTH, this);

        Reader() {
            super(TrackOrderRequest.class);
        }

        @Override
        public TrackOrderRequest deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return new TrackOrderRequest(ids.read(parser));
        }

        @Override
        public ApiException notAnArrayOfIds() {
            return TrackOrderRequest.notAnArrayOfIds();
        }

        @Override
        public ApiException tooManyIds(int maxItems) {
            return ApiException.validation(FIELD, "trackOrder may hold at most " + maxItems + " track ids");
        }

        @Override
        public ApiException idTooLong(int maxLength) {
            return ApiException.validation(FIELD, "trackOrder holds an id of more than " + maxLength + " characters");
        }

        @Override
        public ApiException unknownField(String field) {
            return null;
        }
    }
}
