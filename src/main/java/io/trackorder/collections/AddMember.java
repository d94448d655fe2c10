package io.trackorder.collections;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.trackorder.Ids;

/** Body of {@code POST /collections/{id}/tracks}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(additionalProperties = Schema.False.class)
public record AddMember(@NotNull @Size(min = 1, max = Ids.MAX_LENGTH) String trackId) {
}
