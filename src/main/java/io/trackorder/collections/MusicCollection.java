package io.trackorder.collections;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.trackorder.TenantKey;
import io.trackorder.conditional.EntityTag;

/**
 * A collection (playlist), private to its owner. Updates write only the changed columns, so a
 * metadata edit never overwrites the {@code revision} that reorders and membership changes keep.
 */
@Entity
@Table(name = "collections")
@IdClass(TenantKey.class)
@DynamicUpdate
public class MusicCollection {

    @Id
    @Column(name = "organization_id")
    public String organizationId;

    @Id
    public String id;

    @Column(name = "owner_user_id")
    public String ownerUserId;

    public String name;

    public String description;

    @Column(name = "cover_track_id")
    public String coverTrackId;

    @Column(name = "cover_image_url")
    public String coverImageUrl;

    /** Goes up with every change of the track list or its order. */
    public long revision;

    /** Goes up with every other change of the collection: each PATCH, a cover cleared by its track's deletion. */
    @Column(name = "change_count")
    public long changeCount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The tag of the collection itself ({@code GET /collections/{id}}). */
    public EntityTag tag() {
        return EntityTag.ofObject(revision, changeCount);
    }

    /** The tag of its track list, whose pages depend on nothing but the revision (and the page asked for). */
    public EntityTag listTag() {
        return EntityTag.ofList(revision);
    }
}
