package io.trackorder.tracks;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.trackorder.Ids;
import io.trackorder.TenantKey;
import io.trackorder.events.ListEvents;
import io.trackorder.ordering.Editor;
import io.trackorder.web.PageRequest;

@ApplicationScoped
public class TrackRepository implements PanacheRepositoryBase<Track, TenantKey> {

    private static final ListEvents EVENTS = ListEvents.COLLECTIONS_OF_ENTRY;

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

    /**
     * A page of a collection's tracks, in collection order, with a plan that no table statistics
     * can change. The page of members is picked first: positions are dense (0 … n−1), so it starts at
     * the position equal to the offset, a top-N sort of the list's rows (found by the key's prefix;
     * no index covers the position). Only then is each member's track found by its key, in a
     * subquery of its own ({@code OFFSET 0} keeps the planner from turning it into a join). Looking
     * the tracks up before the sort cost a lookup per member of the list; as a join, on tables never
     * analyzed, the planner read the organization's every track once per member: 5 s at offset 9,000.
     */
    public Uni<List<Track>> listInCollection(String organizationId, String collectionId, PageRequest page) {
        return getSession().chain(session -> session.createNativeQuery("""
                SELECT t.* FROM (
                    SELECT m.organization_id, m.track_id, m.position FROM collection_tracks m
                    WHERE m.organization_id = ?1 AND m.collection_id = ?2 AND m.position >= ?3
                    ORDER BY m.position
                    LIMIT ?4) m
                CROSS JOIN LATERAL (
                    SELECT * FROM tracks track
                    WHERE track.organization_id = m.organization_id AND track.id = m.track_id
                    OFFSET 0) t
                ORDER BY m.position""", Track.class)
                .setParameter(1, organizationId)
                .setParameter(2, collectionId)
                .setParameter(3, page.offset())
                .setParameter(4, page.limit())
                .getResultList());
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
     * move up, each of those collections gets a new revision, and each records its new order in
     * its order history. The caller must hold the locks of the track and of every collection holding
     * it ({@code CollectionRepository#lockHolding}): those locks, not an index, keep the shifted
     * positions unique. Each of those collections gets its member_removed event, in the same statement.
     */
    public Uni<Void> deleteWithMemberships(String organizationId, String id, Editor editor) {
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
                    WHERE c.organization_id = ?1 AND c.id = gone.collection_id
                    RETURNING c.id, c.revision),
                recorded AS (
                    INSERT INTO collection_order_history
                        (organization_id, collection_id, revision, changed_at, actor, change, track_ids)
                    SELECT ?1, b.id, b.revision, now(), ?3, 'track_deleted',
                           ARRAY(SELECT m.track_id FROM collection_tracks m
                                 WHERE m.organization_id = ?1 AND m.collection_id = b.id AND m.track_id <> ?2
                                 ORDER BY m.position)
                    FROM bumped b
                    RETURNING collection_id, revision, changed_at, actor, change, track_ids),
                announced AS (
                """ + EVENTS.announce(EVENTS.removed(), ", 'track_id', CAST(?2 AS text)") + """
                ),
                pruned AS (
                    DELETE FROM collection_order_history h USING bumped b
                    WHERE h.organization_id = ?1 AND h.collection_id = b.id
                      AND h.revision <= b.revision - CAST(?4 AS int))
                DELETE FROM tracks WHERE organization_id = ?1 AND id = ?2""")
                .setParameter(1, organizationId)
                .setParameter(2, id)
                .setParameter(3, editor.actor())
                .setParameter(4, editor.retain())
                .executeUpdate())
                .replaceWithVoid();
    }
}
