package io.trackorder.releases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.trackorder.catalog.ArtistReference;
import io.trackorder.catalog.Artists;
import io.trackorder.catalog.BodyFields;
import io.trackorder.catalog.CatalogEdit;
import io.trackorder.releasetracks.ReleaseTrack;
import io.trackorder.releasetracks.ReleaseTrackService;
import io.trackorder.releasetracks.ReleaseTrackView;

/** A release as the API shows it; {@code tracks} only on single-release responses. */
@Schema(name = "Release")
public record ReleaseView(
        UUID id,
        @JsonProperty("TenantId") int tenantId,
        @JsonProperty("TenantUserId") String tenantUserId,
        @Schema(minLength = 1, maxLength = CatalogEdit.MAX_NAME_LENGTH) String title,
        @Schema(minLength = 1, maxLength = CatalogEdit.MAX_NAME_LENGTH) String displayArtist,
        @Schema(maxItems = Artists.MAX_ARTISTS) List<ArtistReference> artists,
        @Schema(ref = "ReleaseFormat") String format,
        @Schema(ref = "ReleaseType") String type,
        @Schema(enumeration = {
                "draft", "submitted", "under_review", "approved", "rejected", "completed" }) String status,
        @Schema(nullable = true, maxLength = CatalogEdit.MAX_VERSION_LENGTH) String version,
        @Schema(nullable = true, maxLength = CatalogEdit.MAX_NAME_LENGTH) String label,
        @Schema(nullable = true, maxLength = CatalogEdit.MAX_NAME_LENGTH) String copyright,
        @Schema(nullable = true, maxLength = ReleaseEdit.MAX_DESCRIPTION_LENGTH) String description,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate releaseDate,
        @Schema(nullable = true, implementation = String.class, format = "date") LocalDate preReleaseDate,
        @Schema(maxItems = BodyFields.MAX_LIST_ITEMS, description = "Items of 1-" + BodyFields.MAX_ITEM_LENGTH
                + " characters") List<String> mainGenre,
        @Schema(maxItems = BodyFields.MAX_LIST_ITEMS, description = "Items of 1-" + BodyFields.MAX_ITEM_LENGTH
                + " characters") List<String> subGenre,
        @Schema(ref = "Explicit") String explicit,
        @Schema(ref = "Metadata") ObjectNode metadata,
        @Schema(nullable = true, maxLength = Review.MAX_FEEDBACK_LENGTH, description = "The reviewer's feedback") String feedback,
        @Schema(nullable = true, implementation = String.class, format = "date-time") Instant submittedAt,
        @Schema(nullable = true, implementation = String.class, format = "date-time") Instant reviewedAt,
        @Schema(nullable = true) String reviewedById,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Goes up by one with every change of the track list or its order") long revision,
        @Schema(maxItems = ReleaseTrackService.MAX_TRACKS) @JsonInclude(JsonInclude.Include.NON_NULL) List<ReleaseTrackView> tracks){

    static ReleaseView of(Release release, List<ReleaseTrack> tracks) {
        return new ReleaseView(release.id, release.tenantId, release.tenantUserId, release.title,
                release.displayArtist, release.artists, release.format, release.type, release.status, release.version,
                release.label, release.copyright, release.description, release.releaseDate, release.preReleaseDate,
                release.mainGenre, release.subGenre, release.explicit, release.metadata, release.feedback,
                release.submittedAt, release.reviewedAt, release.reviewedById, release.createdAt, release.updatedAt,
                release.revision, tracks == null ? null : ReleaseTrackView.of(tracks));
    }

    static ReleaseView withoutTracks(Release release) {
        return of(release, null);
    }
}
