package io.trackorder.tracks;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Body of {@code POST /tracks}: every field is optional. A duration is at most a day, as on the Releases API. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(additionalProperties = Schema.False.class, description = "Every field is optional.")
public record NewTrack(
        @Schema(nullable = true) @Size(max = 512) String title,
        @Schema(nullable = true) @Size(max = 256) String engine,
        @Schema(nullable = true) @Size(max = 256) String mode,
        @Schema(nullable = true) @PositiveOrZero @DecimalMax("86400") Double measuredDurationSeconds,
        @Schema(defaultValue = "false") Boolean instrumental,
        @Schema(defaultValue = "unclear") LicenceClass licenceClass) {
}
