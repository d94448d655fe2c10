package io.trackorder.collections;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.trackorder.database.Statements;
import io.trackorder.events.ListEvents;
import io.trackorder.ordering.ChangeKind;
import io.trackorder.ordering.Editor;
import io.trackorder.ordering.ListSchema;
import io.trackorder.ordering.OrderHistory;
import io.trackorder.ordering.OrderedList;
import io.trackorder.ordering.RangeMove;
import io.trackorder.web.PageRequest;

/**
 * The tracks of a collection and their positions. Every write here expects the caller to hold
 * the collection's row lock ({@link CollectionRepository#findOwnedForUpdate}), keeps positions dense, and
 * raises the collection's revision in the same statement when it changes anything. Nothing else
 * keeps positions unique: no index or constraint covers them (see {@link OrderedList}).
 */
@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<CollectionTrack, CollectionTrack.Key> {

    private static final ListSchema COLLECTION_LIST = new ListSchema("collection_tracks", "organization_id",
            "collection_id", "track_id", "text", "position", 0, "collections", "collection_order_history");
    private static final OrderedList COLLECTION_ORDER = new OrderedList(COLLECTION_LIST, ListEvents.COLLECTIONS);
    private static final OrderHistory COLLECTION_HISTORY = new OrderHistory(COLLECTION_LIST);

    /**
     * Positions are dense (0 … n−1), so the page starts at the position equal to the offset. With no
     * index on the position, the list's rows come by the key's prefix and the page is a top-N sort of
     * those from the offset on: one plan whatever the table's statistics, a few milliseconds at
     * offset 9,000 of 10,000.
     */
    public Uni<List<CollectionTrack>> page(String organizationId, String collectionId, PageRequest page) {
        return find("organizationId = ?1 and collectionId = ?2 and position >= ?3", Sort.by("position"),
                organizationId, collectionId, page.offset())
                .range(0, page.limit() - 1)
                .list();
    }

    public Uni<Long> size(String organizationId, String collectionId) {
        return count("organizationId = ?1 and collectionId = ?2", organizationId, collectionId);
    }

    public Uni<Boolean> contains(String organizationId, String collectionId, String trackId) {
        return count("organizationId = ?1 and collectionId = ?2 and trackId = ?3", organizationId, collectionId, trackId)
                .map(found -> found > 0);
    }

    /**
     * Appends a track at {@code position}, which must be the collection's current size as counted
     * under the collection's lock: the one thing that keeps two appends off one position.
     */
    public Uni<Void> append(String organizationId, String collectionId, String trackId, long position, Editor editor) {
        return getSession().chain(session -> session.createNativeQuery("""
                WITH added AS (
                    INSERT INTO collection_tracks (organization_id, collection_id, track_id, position, added_at)
                    VALUES (?1, ?2, ?3, ?4, now())
                    RETURNING 1)
                UPDATE collections SET revision = revision + 1, updated_at = now()
                WHERE organization_id = ?1 AND id = ?2 AND EXISTS (SELECT 1 FROM added)""")
                .setParameter(1, organizationId)
                .setParameter(2, collectionId)
                .setParameter(3, trackId)
                .setParameter(4, (int) position)
                .executeUpdate()
                .chain(() -> COLLECTION_HISTORY.record(Statements.of(session), organizationId, collectionId, editor,
                        ChangeKind.ADD)));
    }

    /** See {@link OrderedList#remove}. */
    public Uni<Boolean> remove(String organizationId, String collectionId, String trackId, Editor editor) {
        return getSession()
                .chain(session -> COLLECTION_ORDER.remove(Statements.of(session), organizationId, collectionId, trackId,
                        editor, ChangeKind.REMOVE));
    }

    /** See {@link OrderedList#reorder}. */
    public Uni<Boolean> reorder(Statements statements, String organizationId, String collectionId,
            String[] orderedTrackIds, Editor editor, ChangeKind kind) {
        return COLLECTION_ORDER.reorder(statements, organizationId, collectionId, orderedTrackIds, editor, kind);
    }

    /** See {@link OrderedList#moveRange}. */
    public Uni<OrderedList.RangeMoved> moveRange(Statements statements, String organizationId, String collectionId,
            RangeMove move, Editor editor) {
        return COLLECTION_ORDER.moveRange(statements, organizationId, collectionId, move, editor);
    }

    /** See {@link OrderedList#moveNextTo}. */
    public Uni<OrderedList.AnchoredMoved> moveNextTo(Statements statements, String organizationId,
            String collectionId, String[] trackIds, String anchor, boolean after, Editor editor) {
        return COLLECTION_ORDER.moveNextTo(statements, organizationId, collectionId, trackIds, anchor, after, editor);
    }

    /** See {@link OrderHistory#page}. */
    public Uni<List<OrderHistory.Entry>> history(String organizationId, String collectionId, PageRequest page) {
        return getSession().chain(session -> COLLECTION_HISTORY.page(Statements.of(session), organizationId, collectionId,
                page.limit(), page.offset()));
    }

    /** See {@link OrderHistory#entry}. */
    public Uni<OrderHistory.Entry> historyEntry(String organizationId, String collectionId, long revision) {
        return getSession().chain(session -> historyEntry(Statements.of(session), organizationId, collectionId,
                revision));
    }

    /** See {@link OrderHistory#entry}. */
    public Uni<OrderHistory.Entry> historyEntry(Statements statements, String organizationId, String collectionId,
            long revision) {
        return COLLECTION_HISTORY.entry(statements, organizationId, collectionId, revision);
    }
}
