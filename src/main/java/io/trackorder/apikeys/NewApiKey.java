package io.trackorder.apikeys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Body of {@code POST /admin/api-keys}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(additionalProperties = Schema.False.class)
public record NewApiKey(
        @NotNull @Pattern(regexp = Identifiers.TENANT_ID, message = Identifiers.TENANT_ID_RULE) String organizationId,
        @NotNull @Pattern(regexp = Identifiers.TENANT_ID, message = Identifiers.TENANT_ID_RULE) String userId,
        @NotBlank(message = NAME_RULE) @Size(max = 256, message = NAME_RULE) String name) {

    /** One message for both checks, so that it states the whole rule whichever of them fails. */
    static final String NAME_RULE = "must be 1-256 characters and not blank";
}
