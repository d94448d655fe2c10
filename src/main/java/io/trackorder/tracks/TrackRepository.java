package io.trackorder.tracks;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.trackorder.TenantKey;
import io.trackorder.web.PageRequest;

@ApplicationScoped
public class TrackRepository implements PanacheRepositoryBase<Track, TenantKey> {

    public Uni<Track> findInOrganization(String organizationId, String id) {
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
     * Holds a track against deletion until the transaction ends (a key-share lock, which only a
     * delete conflicts with). Taken before the collection's lock, in the same order as deletes.
     *
     * @return whether the track exists
     */
    public Uni<Boolean> holdForMembership(String organizationId, String id) {
        return lockReturningCreator(organizationId, id, "FOR KEY SHARE").map(creator -> creator != null);
    }

    /** Locks a track for deletion; returns who created it, or null when there is no such track. */
    public Uni<String> lockForDelete(String organizationId, String id) {
        return lockReturningCreator(organizationId, id, "FOR UPDATE");
    }

    private Uni<String> lockReturningCreator(String organizationId, String id, String lock) {
        return getSession().chain(session -> session.createNativeQuery(
                "SELECT created_by FROM tracks WHERE organization_id = ?1 AND id = ?2 " + lock, String.class)
                .setParameter(1, organizationId)
                .setParameter(2, id)
                .getSingleResultOrNull());
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
