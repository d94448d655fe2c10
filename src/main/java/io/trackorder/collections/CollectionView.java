package io.trackorder.collections;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The Collection object; {@code track_count} is null in list views. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CollectionView(String id, String name, String description, String coverTrackId, String coverImageUrl,
        Long trackCount, long revision, Instant createdAt, Instant updatedAt) {

    static CollectionView of(MusicCollection collection, Long trackCount) {
        return new CollectionView(collection.id, collection.name, collection.description, collection.coverTrackId,
                collection.coverImageUrl, trackCount, collection.revision, collection.createdAt, collection.updatedAt);
    }
}
