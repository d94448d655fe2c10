package io.trackorder.releases;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.trackorder.catalog.CatalogEntry;
import io.trackorder.conditional.EntityTag;

/**
 * A release (an album on its way to distribution) of one workspace. Updates write only the
 * changed columns, so an edit never overwrites the {@code revision} that track changes keep.
 */
@Entity
@Table(name = "releases")
@IdClass(Release.Key.class)
@DynamicUpdate
public class Release extends CatalogEntry {

    @Id
    @Column(name = "tenant_id")
    public int tenantId;

    @Id
    public UUID id;

    @Column(name = "tenant_user_id")
    public String tenantUserId;

    public String format;

    public String type;

    public String status;

    public String label;

    public String copyright;

    public String description;

    @Column(name = "release_date")
    public LocalDate releaseDate;

    @Column(name = "pre_release_date")
    public LocalDate preReleaseDate;

    public String feedback;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewed_by_id")
    public String reviewedById;

    /** Goes up with every change of the track list or its order. */
    public long revision;

    /**
     * Goes up with every other change of the release or of its tracks: an edit, submit, review, a
     * track's edit.
     */
    @Column(name = "change_count")
    public long changeCount;

    public ReleaseStatus status() {
        return ReleaseStatus.of(status);
    }

    /**
     * The tag of the release and of its track list: both show the tracks' fields, so one tag
     * serves both.
     */
    public EntityTag tag() {
        return EntityTag.ofObject(revision, changeCount);
    }

    public record Key(int tenantId, UUID id) implements Serializable {
    }
}
