package io.trackorder.releasetracks;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.trackorder.ordering.OrderedList;
import io.trackorder.releases.ReleaseAccess;

/**
 * The tracks of a release and their numbers. Every write here expects the caller to hold the
 * release's row lock ({@link ReleaseAccess#editable}), keeps track numbers dense from 1,
 * and raises the release's revision in the same statement when the list changes.
 */
@ApplicationScoped
public class ReleaseTrackRepository implements PanacheRepositoryBase<ReleaseTrack, ReleaseTrack.Key> {

    private static final OrderedList RELEASE_ORDER = new OrderedList(
            "release_tracks", "tenant_id", "release_id", "id", "uuid", "track_number", 1, "releases");

    public Uni<List<ReleaseTrack>> ofRelease(int tenantId, UUID releaseId) {
        return find("tenantId = ?1 and releaseId = ?2", Sort.by("trackNumber"), tenantId, releaseId).list();
    }

    public Uni<Long> size(int tenantId, UUID releaseId) {
        return count("tenantId = ?1 and releaseId = ?2", tenantId, releaseId);
    }

    public Uni<ReleaseTrack> findTrack(int tenantId, UUID releaseId, UUID trackId) {
        return find("tenantId = ?1 and releaseId = ?2 and id = ?3", tenantId, releaseId, trackId).firstResult();
    }

    /**
     * Removes a track; the tracks after it move up one number.
     *
     * @return whether the release had the track
     */
    public Uni<Boolean> remove(int tenantId, UUID releaseId, UUID trackId) {
        return getSession().chain(session -> RELEASE_ORDER.remove(session, tenantId, releaseId, trackId));
    }

    /** See {@link OrderedList#reorder}. */
    public Uni<Boolean> reorder(int tenantId, UUID releaseId, UUID[] trackIds) {
        return getSession().chain(session -> RELEASE_ORDER.reorder(session, tenantId, releaseId, trackIds));
    }
}
