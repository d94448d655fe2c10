package io.trackorder.releases;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body of {@code POST /releases/{id}/review}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(name = "ReviewRequest", requiredProperties = "action")
public record ReviewRequest(
        @Schema(enumeration = {
                "approve", "reject" }) String action,
        @Schema(description = "Required to reject: what the owner must change", maxLength = Review.MAX_FEEDBACK_LENGTH) String feedback){
}
