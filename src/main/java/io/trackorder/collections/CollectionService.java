package io.trackorder.collections;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.trackorder.Ids;
import io.trackorder.apikeys.Caller;
import io.trackorder.conditional.EntityTag;
import io.trackorder.conditional.IfMatch;
import io.trackorder.conditional.Versioned;
import io.trackorder.database.PipelinedTransaction;
import io.trackorder.database.PipelinedTransactions;
import io.trackorder.database.RunsToCompletion;
import io.trackorder.database.Statements;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;
import io.trackorder.events.EventList;
import io.trackorder.events.Events;
import io.trackorder.ordering.ChangeKind;
import io.trackorder.ordering.Editor;
import io.trackorder.ordering.Editors;
import io.trackorder.ordering.MoveBody;
import io.trackorder.ordering.OrderHistory;
import io.trackorder.ordering.ReorderRule;
import io.trackorder.tracks.TrackNotFound;
import io.trackorder.tracks.TrackRepository;
import io.trackorder.web.PageRequest;

/**
 * The rules of collections and their track lists. Every change of a collection locks its row
 * first, so the writers of one collection run one after another and see each other's work, and
 * checks the caller's {@link IfMatch} against the tag of what it changes, as locked: the track
 * list's tag for membership and order, the collection's own tag for PATCH and DELETE.
 */
@ApplicationScoped
@RunsToCompletion
public class CollectionService {

    static final int MAX_TRACKS = 10_000;

    static final MoveBody.Fields MOVE_FIELDS = new MoveBody.Fields("range_start", "range_length", "insert_before",
            "track_ids", "before_track_id", "after_track_id", true);

    private final CollectionRepository collections;
    private final MembershipRepository members;
    private final TrackRepository tracks;
    private final Ids ids;
    private final Editors editors;
    private final Events events;
    private final PipelinedTransactions transactions;

    public CollectionService(CollectionRepository collections, MembershipRepository members, TrackRepository tracks,
            Ids ids, Editors editors, Events events, PipelinedTransactions transactions) {
        this.collections = collections;
        this.members = members;
        this.tracks = tracks;
        this.ids = ids;
        this.editors = editors;
        this.events = events;
        this.transactions = transactions;
    }

    @WithTransaction
    public Uni<Versioned<CollectionView>> create(Caller caller, CollectionEdit edit) {
        return requireCoverTrack(caller, edit).chain(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            MusicCollection collection = new MusicCollection();
            collection.organizationId = caller.organizationId();
            collection.id = ids.next("mcoll_");
            collection.ownerUserId = caller.userId();
            collection.createdAt = now;
            collection.updatedAt = now;
            edit.applyTo(collection);
            return collections.persist(collection);
        }).call(created -> announce(created, "created", created.revision, caller, edit.fields()))
                .map(created -> new Versioned<>(CollectionView.of(created, 0L), created.tag()));
    }

    @WithSession
    public Uni<List<CollectionView>> list(Caller caller, PageRequest page) {
        return collections.listOwned(caller, page)
                .map(found -> found.stream().map(collection -> CollectionView.of(collection, null)).toList());
    }

    @WithSession
    public Uni<Versioned<CollectionView>> get(Caller caller, String id) {
        return requireOwned(caller, id).chain(this::withTrackCount);
    }

    /**
     * PATCH: metadata only, so the revision stays as it is. Every PATCH changes {@code updated_at},
     * so every one counts as a change of the collection.
     */
    @WithTransaction
    public Uni<Versioned<CollectionView>> update(Caller caller, String id, CollectionEdit edit, IfMatch ifMatch) {
        // The cover track is held before the collection is locked: the order a track delete takes them in.
        return requireCoverTrack(caller, edit)
                .chain(() -> lockOwned(caller, id, ifMatch, MusicCollection::tag))
                .chain(collection -> {
                    edit.applyTo(collection);
                    collection.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    collection.changeCount++;
                    return collections.flush().replaceWith(collection);
                })
                .call(collection -> announce(collection, "updated", collection.revision, caller, edit.fields()))
                .chain(this::withTrackCount);
    }

    /** Soft delete. */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id, IfMatch ifMatch) {
        return lockOwned(caller, id, ifMatch, MusicCollection::tag).chain(collection -> {
            collection.deletedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            collection.updatedAt = collection.deletedAt;
            return collections.flush()
                    .chain(() -> announce(collection, "deleted", collection.revision, caller, Events.fields()));
        });
    }

    /**
     * A page of the track list and the list's tag, read before it: if a change commits in between,
     * the tag is older than the page, so a change conditional on it fails safely with 412.
     */
    @WithSession
    public Uni<Versioned<MembersPage>> members(Caller caller, String id, PageRequest page) {
        return requireOwned(caller, id).chain(collection -> members.page(caller.organizationId(), id, page)
                .map(found -> new Versioned<>(new MembersPage(id, found.stream().map(MemberView::of).toList(),
                        page.limit(), page.offset()), collection.listTag())));
    }

    /**
     * Appends a track; adding a member again changes nothing.
     *
     * @return the list's tag afterwards
     */
    @WithTransaction
    public Uni<EntityTag> add(Caller caller, String id, String trackId, IfMatch ifMatch) {
        String organization = caller.organizationId();
        // The track is held before the collection is locked: the order a track delete takes them in.
        return tracks.holdForMembership(organization, trackId)
                .chain(trackExists -> lock(caller, id, ifMatch).map(revision -> {
                    if (!trackExists) {
                        throw new TrackNotFound(trackId);
                    }
                    return revision;
                }))
                .chain(revision -> members.contains(organization, id, trackId).chain(alreadyMember -> alreadyMember
                        ? Uni.createFrom().item(EntityTag.ofList(revision))
                        : members.size(organization, id).chain(size -> {
                            if (size >= MAX_TRACKS) {
                                throw new ApiException(ErrorCode.COLLECTION_FULL,
                                        "A collection holds at most " + MAX_TRACKS + " tracks",
                                        Map.of("collection_id", id, "max_tracks", MAX_TRACKS));
                            }
                            return members.append(organization, id, trackId, size, editors.of(caller.userId()))
                                    .chain(() -> events.write(EventList.collection(organization, id), "member_added",
                                            revision + 1, caller.userId(),
                                            Events.fields().put("track_id", trackId).put("position", size)))
                                    .replaceWith(EntityTag.ofList(revision + 1));
                        })));
    }

    /**
     * Removes a track if it is a member; removing a non-member changes nothing.
     *
     * @return the list's tag afterwards
     */
    @WithTransaction
    public Uni<EntityTag> remove(Caller caller, String id, String trackId, IfMatch ifMatch) {
        if (!Ids.canExist(trackId)) {
            // Malformed, not merely absent: no track can have this id.
            return Uni.createFrom().failure(new TrackNotFound(trackId));
        }
        return lock(caller, id, ifMatch)
                .chain(revision -> members.remove(caller.organizationId(), id, trackId, editors.of(caller.userId()))
                        .map(removed -> EntityTag.ofList(removed ? revision + 1 : revision)));
    }

    /**
     * Applies the reorder rule (src/site/markdown/api.md) in one statement; an unchanged order writes nothing.
     * Like the moves and restore, a {@link PipelinedTransaction}: lock and check, then the statement.
     *
     * @return the list's tag afterwards
     */
    public Uni<EntityTag> reorder(Caller caller, String id, List<String> orderedTrackIds, IfMatch ifMatch) {
        List<String> duplicates = ReorderRule.duplicates(orderedTrackIds);
        if (!duplicates.isEmpty()) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.VALIDATION_ERROR,
                    "ordered_track_ids lists the same track more than once",
                    Map.of("field", ReorderRequest.FIELD, "duplicate_ids", duplicates)));
        }
        // Ids that cannot exist are not members, and non-members are ignored.
        String[] candidates = orderedTrackIds.stream().filter(Ids::canExist).toArray(String[]::new);
        return transactions.run(transaction -> lockForReorder(transaction, caller, id, ifMatch)
                .chain(revision -> reordered(transaction, caller, id, revision, candidates, ChangeKind.REORDER)));
    }

    /**
     * Moves a range, or ids next to an anchor (src/site/markdown/api.md), in one statement; a move
     * that leaves the order as it was writes nothing.
     *
     * @return the list's tag afterwards
     */
    public Uni<EntityTag> move(Caller caller, String id, MoveBody move, IfMatch ifMatch) {
        return transactions.run(transaction -> move(transaction, caller, id, move, ifMatch));
    }

    /**
     * The statement commits the transaction: a move that does not fit writes nothing, and its error
     * comes after.
     */
    private Uni<EntityTag> move(PipelinedTransaction transaction, Caller caller, String id, MoveBody move,
            IfMatch ifMatch) {
        String organization = caller.organizationId();
        Editor editor = editors.of(caller.userId());
        Statements last = transaction.committing();
        return lockForReorder(transaction, caller, id, ifMatch).chain(revision -> {
            Uni<Boolean> changed;
            if (move.isRange()) {
                changed = members.moveRange(last, organization, id, move.range(), editor).map(moved -> {
                    move.requireFits(moved.size(), MOVE_FIELDS);
                    return moved.changed();
                });
            } else {
                // Ids that cannot exist match no member: the statement names them with the others.
                String[] ids = move.ids().stream().map(trackId -> Ids.canExist(trackId) ? trackId : "")
                        .toArray(String[]::new);
                String anchor = Ids.canExist(move.anchor()) ? move.anchor() : "";
                changed = members.moveNextTo(last, organization, id, ids, anchor, move.after(), editor).map(moved -> {
                    move.requireMembers(moved, MOVE_FIELDS);
                    return moved.changed();
                });
            }
            return changed.map(moved -> EntityTag.ofList(moved ? revision + 1 : revision));
        });
    }

    /** The newest entries of the track list's order history. */
    @WithSession
    public Uni<HistoryPage> history(Caller caller, String id, PageRequest page) {
        return requireOwned(caller, id).chain(collection -> members.history(caller.organizationId(), id, page))
                .map(entries -> new HistoryPage(id, entries.stream().map(HistoryPage.Item::of).toList(), page.limit(),
                        page.offset()));
    }

    /** One entry of the order history, with the order after its change. */
    @WithSession
    public Uni<HistoryEntryView> historyEntry(Caller caller, String id, long revision) {
        return requireOwned(caller, id)
                .chain(collection -> members.historyEntry(caller.organizationId(), id, revision))
                .map(entry -> HistoryEntryView.of(id, requireEntry(entry, id, revision)));
    }

    /**
     * Gives the current members the order recorded at {@code revision}: recorded members first in
     * that order, members added since after them in their current order. A new change, so it can
     * itself be undone.
     *
     * @return the list's tag afterwards
     */
    public Uni<EntityTag> restore(Caller caller, String id, long revision, IfMatch ifMatch) {
        String organization = caller.organizationId();
        return transactions.run(transaction -> lockForReorder(transaction, caller, id, ifMatch)
                .chain(current -> members.historyEntry(transaction, organization, id, revision)
                        .chain(entry -> reordered(transaction, caller, id, current,
                                requireEntry(entry, id, revision).trackIds().toArray(String[]::new),
                                ChangeKind.RESTORE))));
    }

    private Uni<Long> lockForReorder(PipelinedTransaction transaction, Caller caller, String id, IfMatch ifMatch) {
        return checked(collections.lockOwnedForReorder(transaction, caller, id), id, ifMatch, EntityTag::ofList);
    }

    /** The reorder's statement commits the transaction. */
    private Uni<EntityTag> reordered(PipelinedTransaction transaction, Caller caller, String id, long revision,
            String[] order, ChangeKind kind) {
        if (order.length == 0) {
            return Uni.createFrom().item(EntityTag.ofList(revision));
        }
        return members.reorder(transaction.committing(), caller.organizationId(), id, order,
                editors.of(caller.userId()), kind)
                .map(changed -> EntityTag.ofList(changed ? revision + 1 : revision));
    }

    private static OrderHistory.Entry requireEntry(OrderHistory.Entry entry, String id, long revision) {
        if (entry == null) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND,
                    "The collection's order history has no entry for this revision",
                    Map.of("collection_id", id, "revision", revision));
        }
        return entry;
    }

    /** Locks an owned collection for a change of its track list; returns its revision. */
    private Uni<Long> lock(Caller caller, String id, IfMatch ifMatch) {
        return lockOwned(caller, id, ifMatch, MusicCollection::listTag).map(collection -> collection.revision);
    }

    /** Locks an owned collection and checks the precondition against the tag of what is about to change. */
    private Uni<MusicCollection> lockOwned(Caller caller, String id, IfMatch ifMatch,
            Function<MusicCollection, EntityTag> changing) {
        return checked(collections.findOwnedForUpdate(caller, id), id, ifMatch, changing);
    }

    /**
     * What a lock query found (the collection, or its revision), once it exists and the precondition
     * holds for what is about to change.
     */
    private static <T> Uni<T> checked(Uni<T> locked, String id, IfMatch ifMatch, Function<T, EntityTag> changing) {
        return locked.map(found -> {
            if (found == null) {
                throw new CollectionNotFound(id);
            }
            ifMatch.require(changing.apply(found));
            return found;
        });
    }

    private Uni<MusicCollection> requireOwned(Caller caller, String id) {
        return collections.findOwned(caller, id).map(collection -> {
            if (collection == null) {
                throw new CollectionNotFound(id);
            }
            return collection;
        });
    }

    /** Writes the collection's event {@code name}, for a change of the collection itself. */
    private Uni<Void> announce(MusicCollection collection, String name, long revision, Caller caller,
            ObjectNode fields) {
        return events.write(EventList.collection(collection.organizationId, collection.id), name, revision,
                caller.userId(), fields);
    }

    private Uni<Versioned<CollectionView>> withTrackCount(MusicCollection collection) {
        return members.size(collection.organizationId, collection.id)
                .map(count -> new Versioned<>(CollectionView.of(collection, count), collection.tag()));
    }

    /** A cover track, when one is given, must be a track of the caller's organization. */
    private Uni<Void> requireCoverTrack(Caller caller, CollectionEdit edit) {
        String cover = edit.get(CollectionEdit.COVER_TRACK_ID);
        if (cover == null) {
            return Uni.createFrom().voidItem();
        }
        return tracks.holdForMembership(caller.organizationId(), cover).invoke(exists -> {
            if (!exists) {
                throw new ApiException(ErrorCode.VALIDATION_ERROR, "cover_track_id is not a track of this organization",
                        Map.of("field", CollectionEdit.COVER_TRACK_ID, "track_id", cover));
            }
        }).replaceWithVoid();
    }
}
