package io.trackorder.tracks;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.trackorder.Ids;
import io.trackorder.TenantKey;
import io.trackorder.web.PageRequest;

@ApplicationScoped
public class TrackRepository implements PanacheRepositoryBase<Track, TenantKey> {

    public Uni<Track> findInOrganization(String organizationId, String id) {
        if (!Ids.canExist(id)) {
            return Uni.createFrom().nullItem();
        }
        return find("organizationId = ?1 and id = ?2", organizationId, id).firstResult();
    }

    public Uni<List<Track>> listCreatedBy(String organizationId, String userId, PageRequest page) {
        return find("organizationId = ?1 and createdBy = ?2", Sort.descending("createdAt", "id"), organizationId, userId)
                .range(page.offset(), page.offset() + page.limit() - 1)
                .list();
    }

    public Uni<List<Track>> listInCollection(String organizationId, String collectionId, PageRequest page) {
        return find("""
                select t from Track t, CollectionTrack m
                where m.organizationId = t.organizationId and m.trackId = t.id
                  and m.organizationId = ?1 and m.collectionId = ?2
                order by m.position""", organizationId, collectionId)
                .range(page.offset(), page.offset() + page.limit() - 1)
                .list();
    }

    /**
     * Holds a track against deletion until the transaction ends (a share lock: tracks are never
     * updated, so only a delete conflicts with it). Taken before the collection's lock, in the same
     * order as deletes.
     *
     * @return whether the track exists
     */
    public Uni<Boolean> holdForMembership(String organizationId, String id) {
        return locked(organizationId, id, LockModeType.PESSIMISTIC_READ).map(track -> track != null);
    }

    /** Locks a track for deletion; returns who created it, or null when there is no such track. */
    public Uni<String> lockForDelete(String organizationId, String id) {
        return locked(organizationId, id, LockModeType.PESSIMISTIC_WRITE).map(track -> track == null ? null : track.createdBy);
    }

    private Uni<Track> locked(String organizationId, String id, LockModeType lock) {
        if (!Ids.canExist(id)) {
            return Uni.createFrom().nullItem();
        }
        return find("organizationId = ?1 and id = ?2", organizationId, id).withLock(lock).firstResult();
    }

    /**
     * Deletes a track and its memberships in one statement: the tracks after it in each collection
     * move up, and each of those collections gets a new revision. The caller must hold the locks of
     * the track and of every collection holding it.
     */
    public Uni<Void> deleteWithMemberships(String organizationId, String id) {
        return getSession().chain(session -> session.createNativeQuery("""
                WITH gone AS (
                    DELETE FROM collection_tracks WHERE organization_id = ?1 AND track_id = ?2
                    RETURNING collection_id, position),
                shifted AS (
                    UPDATE collection_tracks m SET position = m.position - 1 FROM gone
                    WHERE m.organization_id = ?1 AND m.collection_id = gone.collection_id
                      AND m.position > gone.position),
                bumped AS (
                    UPDATE collections c SET revision = c.revision + 1, updated_at = now() FROM gone
                    WHERE c.organization_id = ?1 AND c.id = gone.collection_id)
                DELETE FROM tracks WHERE organization_id = ?1 AND id = ?2""")
                .setParameter(1, organizationId)
                .setParameter(2, id)
                .executeUpdate())
                .replaceWithVoid();
    }
}
