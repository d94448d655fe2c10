package io.trackorder.tracks;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Body of {@code POST /tracks}: every field is optional. A duration is at most a day, as on the Releases API. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewTrack(
        @Size(max = 512) String title,
        @Size(max = 256) String engine,
        @Size(max = 256) String mode,
        @PositiveOrZero @DecimalMax("86400") Double measuredDurationSeconds,
        Boolean instrumental,
        LicenceClass licenceClass) {
}
