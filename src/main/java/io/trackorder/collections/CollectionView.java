package io.trackorder.collections;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.trackorder.Ids;

/** The Collection object; {@code track_count} is null in list views. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "Collection")
public record CollectionView(String id,
        @Schema(minLength = 1, maxLength = CollectionEdit.MAX_NAME_LENGTH) String name,
        @Schema(nullable = true, maxLength = CollectionEdit.MAX_DESCRIPTION_LENGTH) String description,
        @Schema(nullable = true, maxLength = Ids.MAX_LENGTH) String coverTrackId,
        @Schema(nullable = true, maxLength = CollectionEdit.MAX_COVER_IMAGE_URL_LENGTH, format = "uri") String coverImageUrl,
        @Schema(nullable = true, description = "Null in list views") Long trackCount,
        @Schema(description = "Goes up by one with every change of the membership or order") long revision,
        Instant createdAt, Instant updatedAt) {

    static CollectionView of(MusicCollection collection, Long trackCount) {
        return new CollectionView(collection.id, collection.name, collection.description, collection.coverTrackId,
                collection.coverImageUrl, trackCount, collection.revision, collection.createdAt, collection.updatedAt);
    }
}
