package io.trackorder.collections;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.trackorder.Ids;
import io.trackorder.TenantKey;
import io.trackorder.apikeys.Caller;
import io.trackorder.database.PipelinedTransaction;
import io.trackorder.database.Statements;
import io.trackorder.events.ListEvents;
import io.trackorder.events.ListKind;
import io.trackorder.ordering.OrderedList;
import io.trackorder.web.PageRequest;

/** Collections as their owner sees them: deleted ones and other users' ones never come back. */
@ApplicationScoped
public class CollectionRepository implements PanacheRepositoryBase<MusicCollection, TenantKey> {

    /** The collections whose cover {@link #clearCover} cleared. */
    private static final ListEvents CLEARED = ListEvents.collections("cleared.id");

    private static final String OWNED = "organizationId = ?1 and ownerUserId = ?2 and deletedAt is null";
    private static final String OWNED_ONE = OWNED + " and id = ?3";
    private static final String LOCK_FOR_REORDER = "SELECT revision FROM collections WHERE organization_id = ?1"
            + " AND owner_user_id = ?2 AND id = ?3 AND deleted_at IS NULL AND " + OrderedList.HASH_JOINS_ONLY_SQL
            + " FOR NO KEY UPDATE";

    public Uni<MusicCollection> findOwned(Caller caller, String id) {
        if (!Ids.canExist(id)) {
            return Uni.createFrom().nullItem();
        }
        return find(OWNED_ONE, caller.organizationId(), caller.userId(), id).firstResult();
    }

    /**
     * Loads an owned collection and locks its row for the rest of the transaction; every writer of
     * a collection goes through here first, which serializes them. A query language (not native)
     * query on purpose: Hibernate Reactive never finds native selects in its plan cache, and each
     * one's miss costs a scan of the cache (see src/bench/README.md).
     *
     * @return the collection, or null when the caller owns no such collection
     */
    public Uni<MusicCollection> findOwnedForUpdate(Caller caller, String id) {
        if (!Ids.canExist(id)) {
            return Uni.createFrom().nullItem();
        }
        return find(OWNED_ONE, caller.organizationId(), caller.userId(), id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /**
     * Locks an owned collection's row as {@link #findOwnedForUpdate} does, for a reorder or move, in
     * a {@link PipelinedTransaction}: the same query also turns nested loops off for the rest of the
     * transaction ({@link OrderedList#HASH_JOINS_ONLY_SQL}). It reads the revision alone, which is all
     * a change of the order needs.
     *
     * @return the collection's revision, or null when the caller owns no such collection
     */
    public Uni<Long> lockOwnedForReorder(Statements transaction, Caller caller, String id) {
        if (!Ids.canExist(id)) {
            return Uni.createFrom().nullItem();
        }
        return transaction.row(LOCK_FOR_REORDER, caller.organizationId(), caller.userId(), id)
                .map(row -> row == null ? null : ((Number) row[0]).longValue());
    }

    public Uni<List<MusicCollection>> listOwned(Caller caller, PageRequest page) {
        return find(OWNED, Sort.descending("createdAt", "id"), caller.organizationId(), caller.userId())
                .range(page.offset(), page.offset() + page.limit() - 1)
                .list();
    }

    /**
     * Locks every collection that holds a track as a member or as its cover, in id order so that
     * two such calls cannot deadlock. A union rather than an {@code or}: each half is an index
     * lookup, where an {@code or} would scan the organization's collections.
     */
    public Uni<List<String>> lockHolding(String organizationId, String trackId) {
        return find("""
                organizationId = ?1
                and id in (select m.collectionId from CollectionTrack m where m.organizationId = ?1 and m.trackId = ?2
                           union
                           select c.id from MusicCollection c where c.organizationId = ?1 and c.coverTrackId = ?2)""",
                Sort.by("id"), organizationId, trackId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .map(locked -> locked.stream().map(collection -> collection.id).toList());
    }

    /**
     * Clears the cover of every collection whose cover a track is, as a change of each collection
     * (its tag changes, its revision does not), and writes each one's {@code updated} event, made
     * by {@code actor}, in the same statement: the event a PATCH that clears the cover writes. A
     * deleted collection's cover is cleared too (the track it names is going), with no event: its
     * {@code deleted} event was its last. The caller holds their locks ({@link #lockHolding}).
     */
    public Uni<Integer> clearCover(String organizationId, String trackId, String actor) {
        return getSession().chain(session -> session.createNativeQuery("""
                WITH cleared AS (
                    UPDATE collections SET cover_track_id = NULL, change_count = change_count + 1, updated_at = now()
                    WHERE organization_id = ?1 AND cover_track_id = ?2
                    RETURNING id, revision, updated_at, deleted_at)
                """ + CLEARED.write(ListKind.COLLECTION.type("updated"), "cleared WHERE cleared.deleted_at IS NULL",
                "cleared.revision",
                "cleared.updated_at",
                "jsonb_build_object('revision', cleared.revision, 'actor', CAST(?3 AS text), 'cover_track_id', NULL)"))
                .setParameter(1, organizationId)
                .setParameter(2, trackId)
                .setParameter(3, actor)
                .executeUpdate());
    }
}
