package io.trackorder.releasetracks;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.trackorder.catalog.ArtistReference;
import io.trackorder.catalog.Artists;
import io.trackorder.catalog.BodyFields;
import io.trackorder.catalog.CatalogEdit;
import io.trackorder.catalog.Media;

/** Royalti's {@code ReleaseTrack}, field for field. */
@Schema(name = "ReleaseTrack")
public record ReleaseTrackView(
        UUID id,
        @JsonProperty("TenantId") int tenantId,
        @JsonProperty("ReleaseId") UUID releaseId,
        @Schema(nullable = true, implementation = String.class, format = "uuid", description = "Reference to linked Asset (if any)") UUID assetId,
        @Schema(description = "1-based, dense") int trackNumber,
        @Schema(minLength = 1, maxLength = CatalogEdit.MAX_NAME_LENGTH) String title,
        @Schema(nullable = true, maxLength = CatalogEdit.MAX_VERSION_LENGTH) String version,
        @Schema(nullable = true, description = "ISO 3901, 12 characters", examples = "USABC1234567") String isrc,
        @Schema(nullable = true, examples = "T-123456789-0") String iswc,
        @Schema(nullable = true, description = "Seconds", examples = "213.5", minimum = "0", maximum = "86400") Double duration,
        @Schema(nullable = true, maxLength = TrackEdit.MAX_LYRICS_LENGTH) String lyrics,
        @Schema(description = "Omitted when not set", examples = "en") @JsonInclude(JsonInclude.Include.NON_NULL) String language,
        @Schema(minLength = 1, maxLength = CatalogEdit.MAX_NAME_LENGTH) String displayArtist,
        @Schema(maxItems = Artists.MAX_ARTISTS) List<ArtistReference> artists,
        @Schema(maxItems = BodyFields.MAX_LIST_ITEMS, description = "Items of 1-" + BodyFields.MAX_ITEM_LENGTH
                + " characters") List<String> mainGenre,
        @Schema(maxItems = BodyFields.MAX_LIST_ITEMS, description = "Items of 1-" + BodyFields.MAX_ITEM_LENGTH
                + " characters") List<String> subGenre,
        @Schema(examples = "{\"producer\": [\"Producer Name\"]}", maxProperties = TrackEdit.MAX_CONTRIBUTOR_ROLES, description = "Role (1-"
                + TrackEdit.MAX_ROLE_LENGTH + " characters) to at most "
                + BodyFields.MAX_LIST_ITEMS + " names of 1-" + BodyFields.MAX_ITEM_LENGTH
                + " characters") Map<String, List<String>> contributors,
        @Schema(description = "Always empty: media are not stored by this service yet") List<Media> media,
        @Schema(ref = "Metadata") ObjectNode metadata,
        @Schema(ref = "Explicit") String explicit) {

    static ReleaseTrackView of(ReleaseTrack track) {
        return new ReleaseTrackView(track.id, track.tenantId, track.releaseId, track.assetId, track.trackNumber,
                track.title, track.version, track.isrc, track.iswc, track.duration, track.lyrics, track.language,
                track.displayArtist, track.artists, track.mainGenre, track.subGenre, track.contributors, List.of(),
                track.metadata, track.explicit);
    }

    public static List<ReleaseTrackView> of(List<ReleaseTrack> tracks) {
        return tracks.stream().map(ReleaseTrackView::of).toList();
    }
}
