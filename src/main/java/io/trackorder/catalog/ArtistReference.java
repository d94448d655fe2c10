package io.trackorder.catalog;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An artist credited on a release or track; the id is the same for every use of the name in a workspace. */
@Schema(name = "ArtistReference", requiredProperties = { "id", "artistName", "type" })
public record ArtistReference(
        @Schema(description = "Artist UUID", examples = "3816be64-720c-4105-990f-a6b99b0f928b") UUID id,
        @Schema(description = "Artist name", examples = "Bally Jhay") String artistName,
        @Schema(description = "Artist role", enumeration = {
                "primary", "featuring" }, examples = "primary") String type){
}
