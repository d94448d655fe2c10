package io.trackorder.tracks;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The Track object of the Collections API. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "Track")
public record TrackView(String id,
        @Schema(nullable = true, maxLength = NewTrack.MAX_TITLE_LENGTH) String title,
        @Schema(nullable = true, maxLength = NewTrack.MAX_SETTING_LENGTH) String engine,
        @Schema(nullable = true, maxLength = NewTrack.MAX_SETTING_LENGTH) String mode,
        @Schema(nullable = true, minimum = "0", maximum = NewTrack.MAX_DURATION_SECONDS) Double measuredDurationSeconds,
        boolean instrumental, String licenceClass, Instant createdAt) {

    static TrackView of(Track track) {
        return new TrackView(track.id, track.title, track.engine, track.mode, track.measuredDurationSeconds,
                track.instrumental, track.licenceClass, track.createdAt);
    }
}
