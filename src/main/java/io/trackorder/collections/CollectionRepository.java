package io.trackorder.collections;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.trackorder.TenantKey;
import io.trackorder.security.Caller;
import io.trackorder.web.PageRequest;

/** Collections as their owner sees them: deleted ones and other users' ones never come back. */
@ApplicationScoped
public class CollectionRepository implements PanacheRepositoryBase<MusicCollection, TenantKey> {

    private static final String OWNED = "organizationId = ?1 and ownerUserId = ?2 and deletedAt is null";

    public Uni<MusicCollection> findOwned(Caller caller, String id) {
        return find(OWNED + " and id = ?3", caller.organizationId(), caller.userId(), id).firstResult();
    }

    /** Loads an owned collection and locks its row, as {@link #lockOwned} does, in one query. */
    public Uni<MusicCollection> findOwnedForUpdate(Caller caller, String id) {
        return find(OWNED + " and id = ?3", caller.organizationId(), caller.userId(), id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    public Uni<List<MusicCollection>> listOwned(Caller caller, PageRequest page) {
        return find(OWNED, Sort.descending("createdAt", "id"), caller.organizationId(), caller.userId())
                .range(page.offset(), page.offset() + page.limit() - 1)
                .list();
    }

    /**
     * Locks an owned collection for the rest of the transaction; every writer of a collection's
     * list goes through here first, which serializes them.
     *
     * @return the current revision, or null when the caller owns no such collection
     */
    public Uni<Long> lockOwned(Caller caller, String id) {
        return getSession().chain(session -> session.createNativeQuery("""
                SELECT revision FROM collections
                WHERE organization_id = ?1 AND id = ?2 AND owner_user_id = ?3 AND deleted_at IS NULL
                FOR UPDATE""", Long.class)
                .setParameter(1, caller.organizationId())
                .setParameter(2, id)
                .setParameter(3, caller.userId())
                .getSingleResultOrNull());
    }

    /** Locks, in id order so that two such calls cannot deadlock, every collection holding a track. */
    public Uni<List<String>> lockHolding(String organizationId, String trackId) {
        return getSession().chain(session -> session.createNativeQuery("""
                SELECT id FROM collections
                WHERE organization_id = ?1
                  AND id IN (SELECT collection_id FROM collection_tracks WHERE organization_id = ?1 AND track_id = ?2)
                ORDER BY id
                FOR UPDATE""", String.class)
                .setParameter(1, organizationId)
                .setParameter(2, trackId)
                .getResultList());
    }

    /** Soft-deletes an owned collection; the UPDATE takes the row lock itself. Returns the rows changed. */
    public Uni<Integer> softDelete(Caller caller, String id) {
        return update("deletedAt = current_timestamp, updatedAt = current_timestamp where " + OWNED + " and id = ?3",
                caller.organizationId(), caller.userId(), id);
    }
}
