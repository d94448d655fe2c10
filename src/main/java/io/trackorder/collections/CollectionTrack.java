package io.trackorder.collections;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A track's membership of a collection, at a zero-based position. Written only by native SQL. */
@Entity
@Table(name = "collection_tracks")
@IdClass(CollectionTrack.Key.class)
public class CollectionTrack {

    @Id
    @Column(name = "organization_id")
    public String organizationId;

    @Id
    @Column(name = "collection_id")
    public String collectionId;

    @Id
    @Column(name = "track_id")
    public String trackId;

    public int position;

    @Column(name = "added_at")
    public Instant addedAt;

    public record Key(String organizationId, String collectionId, String trackId) implements Serializable {
    }
}
