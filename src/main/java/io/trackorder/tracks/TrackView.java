package io.trackorder.tracks;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The Track object of the Collections API. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrackView(String id, String title, String engine, String mode, Double measuredDurationSeconds,
        boolean instrumental, String licenceClass, Instant createdAt) {

    static TrackView of(Track track) {
        return new TrackView(track.id, track.title, track.engine, track.mode, track.measuredDurationSeconds,
                track.instrumental, track.licenceClass, track.createdAt);
    }
}
