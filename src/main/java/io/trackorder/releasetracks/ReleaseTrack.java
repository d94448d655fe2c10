package io.trackorder.releasetracks;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;

import io.trackorder.catalog.CatalogEntry;
import io.trackorder.catalog.JsonColumn;

/**
 * A track of a release. {@code trackNumber} is dense from 1, and nothing but the release's row lock
 * keeps it unique (no index covers it): it is set when a track is created, under that lock or with
 * the new release, and changed only by the statements of {@link ReleaseTrackRepository}, under it.
 */
@Entity
@Table(name = "release_tracks")
@IdClass(ReleaseTrack.Key.class)
@DynamicUpdate
public class ReleaseTrack extends CatalogEntry {

    @Id
    @Column(name = "tenant_id")
    public int tenantId;

    @Id
    @Column(name = "release_id")
    public UUID releaseId;

    @Id
    public UUID id;

    @Column(name = "track_number")
    public int trackNumber;

    @Column(name = "asset_id")
    public UUID assetId;

    public String isrc;

    public String iswc;

    public Double duration;

    public String lyrics;

    public String language;

    /** Role (producer, songwriter, …) to the names credited in it. */
    @Convert(converter = JsonColumn.Contributors.class)
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(read = "CAST(contributors AS text)", write = JSONB)
    public Map<String, List<String>> contributors;

    public record Key(int tenantId, UUID releaseId, UUID id) implements Serializable {
    }
}
