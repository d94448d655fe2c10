package io.trackorder.releasetracks;

import java.util.List;
import java.util.UUID;

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
import io.trackorder.releases.ReleaseAccess;

/**
 * The tracks of a release and their numbers. Every write here expects the caller to hold the
 * release's row lock ({@link ReleaseAccess#editable}), keeps track numbers dense from 1,
 * and raises the release's revision in the same statement when the list changes.
 */
@ApplicationScoped
public class ReleaseTrackRepository implements PanacheRepositoryBase<ReleaseTrack, ReleaseTrack.Key> {

    private static final ListSchema RELEASE_LIST = new ListSchema("release_tracks", "tenant_id", "release_id", "id",
            "uuid", "track_number", 1, "releases", "release_order_history");
    private static final OrderedList RELEASE_ORDER = new OrderedList(RELEASE_LIST, ListEvents.RELEASES);
    private static final OrderHistory RELEASE_HISTORY = new OrderHistory(RELEASE_LIST);

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
    public Uni<Boolean> remove(int tenantId, UUID releaseId, UUID trackId, Editor editor) {
        return getSession().chain(session -> RELEASE_ORDER.remove(Statements.of(session), tenantId, releaseId, trackId, editor,
                ChangeKind.REMOVE));
    }

    /** See {@link OrderedList#reorder}. */
    public Uni<Boolean> reorder(int tenantId, UUID releaseId, UUID[] trackIds, Editor editor, ChangeKind kind) {
        return getSession()
                .chain(session -> RELEASE_ORDER.reorder(Statements.of(session), tenantId, releaseId, trackIds, editor, kind));
    }

    /** See {@link OrderedList#moveRange}. */
    public Uni<OrderedList.RangeMoved> moveRange(int tenantId, UUID releaseId, RangeMove move, Editor editor) {
        return getSession()
                .chain(session -> RELEASE_ORDER.moveRange(Statements.of(session), tenantId, releaseId, move, editor));
    }

    /** See {@link OrderedList#moveNextTo}. */
    public Uni<OrderedList.AnchoredMoved> moveNextTo(int tenantId, UUID releaseId, UUID[] trackIds, UUID anchor,
            boolean after, Editor editor) {
        return getSession()
                .chain(session -> RELEASE_ORDER.moveNextTo(Statements.of(session), tenantId, releaseId, trackIds, anchor,
                        after, editor));
    }

    /** Records the track list as it is now, after tracks were added (see {@link OrderHistory#record}). */
    public Uni<Void> recordAdded(int tenantId, UUID releaseId, Editor editor) {
        return getSession()
                .chain(session -> RELEASE_HISTORY.record(Statements.of(session), tenantId, releaseId, editor, ChangeKind.ADD));
    }

    /** See {@link OrderHistory#page}. */
    public Uni<List<OrderHistory.Entry>> history(int tenantId, UUID releaseId, int limit, int offset) {
        return getSession().chain(session -> RELEASE_HISTORY.page(Statements.of(session), tenantId, releaseId, limit, offset));
    }

    /** See {@link OrderHistory#count}. */
    public Uni<Long> historySize(int tenantId, UUID releaseId) {
        return getSession().chain(session -> RELEASE_HISTORY.count(Statements.of(session), tenantId, releaseId));
    }

    /** See {@link OrderHistory#entry}. */
    public Uni<OrderHistory.Entry> historyEntry(int tenantId, UUID releaseId, long revision) {
        return getSession().chain(session -> RELEASE_HISTORY.entry(Statements.of(session), tenantId, releaseId, revision));
    }
}
