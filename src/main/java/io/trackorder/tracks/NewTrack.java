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
        @Schema(nullable = true) @Size(max = MAX_TITLE_LENGTH) String title,
        @Schema(nullable = true) @Size(max = MAX_SETTING_LENGTH) String engine,
        @Schema(nullable = true) @Size(max = MAX_SETTING_LENGTH) String mode,
        @Schema(nullable = true) @PositiveOrZero @DecimalMax(MAX_DURATION_SECONDS) Double measuredDurationSeconds,
        @Schema(defaultValue = "false") Boolean instrumental,
        @Schema(defaultValue = "unclear") LicenceClass licenceClass) {

    static final int MAX_TITLE_LENGTH = 512;
    /** Of {@code engine} and {@code mode}. */
    static final int MAX_SETTING_LENGTH = 256;
    static final String MAX_DURATION_SECONDS = "86400";
}
