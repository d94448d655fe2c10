package io.trackorder.tracks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.trackorder.TenantKey;

/** A track of an organization's catalogue. */
@Entity
@Table(name = "tracks")
@IdClass(TenantKey.class)
public class Track {

    @Id
    @Column(name = "organization_id")
    public String organizationId;

    @Id
    public String id;

    @Column(name = "created_by")
    public String createdBy;

    public String title;

    public String engine;

    public String mode;

    @Column(name = "measured_duration_seconds")
    public Double measuredDurationSeconds;

    public boolean instrumental;

    @Column(name = "licence_class")
    public String licenceClass;

    @Column(name = "created_at")
    public Instant createdAt;
}
