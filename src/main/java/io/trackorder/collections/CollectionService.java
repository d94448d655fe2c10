package io.trackorder.collections;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.trackorder.Ids;
import io.trackorder.ordering.ReorderRule;
import io.trackorder.security.Caller;
import io.trackorder.tracks.TrackNotFound;
import io.trackorder.tracks.TrackRepository;
import io.trackorder.web.ApiException;
import io.trackorder.web.ErrorCode;
import io.trackorder.web.PageRequest;
import io.trackorder.web.RunsToCompletion;

/**
 * The rules of collections and their track lists. Every change of a list locks the collection
 * row first, so the writers of one collection run one after another and see each other's work.
 */
@ApplicationScoped
@RunsToCompletion
public class CollectionService {

    static final int MAX_TRACKS = 10_000;

    private final CollectionRepository collections;
    private final MembershipRepository members;
    private final TrackRepository tracks;
    private final Ids ids;

    public CollectionService(CollectionRepository collections, MembershipRepository members, TrackRepository tracks,
            Ids ids) {
        this.collections = collections;
        this.members = members;
        this.tracks = tracks;
        this.ids = ids;
    }

    @WithTransaction
    public Uni<CollectionView> create(Caller caller, CollectionEdit edit) {
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
        }).map(created -> CollectionView.of(created, 0L));
    }

    @WithSession
    public Uni<List<CollectionView>> list(Caller caller, PageRequest page) {
        return collections.listOwned(caller, page)
                .map(found -> found.stream().map(collection -> CollectionView.of(collection, null)).toList());
    }

    @WithSession
    public Uni<CollectionView> get(Caller caller, String id) {
        return requireOwned(caller, id).chain(this::withTrackCount);
    }

    /** PATCH: metadata only, so the revision stays as it is. */
    @WithTransaction
    public Uni<CollectionView> update(Caller caller, String id, CollectionEdit edit) {
        // The cover track is held before the collection is locked: the order a track delete takes them in.
        return requireCoverTrack(caller, edit)
                .chain(() -> collections.findOwnedForUpdate(caller, id))
                .chain(collection -> {
                    if (collection == null) {
                        throw new CollectionNotFound(id);
                    }
                    edit.applyTo(collection);
                    collection.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return collections.flush().replaceWith(collection);
                })
                .chain(this::withTrackCount);
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return collections.softDelete(caller, id).invoke(deleted -> {
            if (deleted == 0) {
                throw new CollectionNotFound(id);
            }
        }).replaceWithVoid();
    }

    @WithSession
    public Uni<MembersPage> members(Caller caller, String id, PageRequest page) {
        return requireOwned(caller, id)
                .chain(collection -> members.page(caller.organizationId(), id, page))
                .map(found -> new MembersPage(id, found.stream().map(MemberView::of).toList(),
                        page.limit(), page.offset()));
    }

    /** Appends a track; adding a member again changes nothing. */
    @WithTransaction
    public Uni<Void> add(Caller caller, String id, String trackId) {
        String organization = caller.organizationId();
        // The track is held before the collection is locked: the order a track delete takes them in.
        return tracks.holdForMembership(organization, trackId)
                .chain(trackExists -> lock(caller, id).map(revision -> trackExists))
                .chain(trackExists -> {
                    if (!trackExists) {
                        throw new TrackNotFound(trackId);
                    }
                    return members.contains(organization, id, trackId);
                })
                .chain(alreadyMember -> alreadyMember
                        ? Uni.createFrom().voidItem()
                        : members.size(organization, id).chain(size -> {
                            if (size >= MAX_TRACKS) {
                                throw new ApiException(ErrorCode.COLLECTION_FULL,
                                        "A collection holds at most " + MAX_TRACKS + " tracks",
                                        Map.of("collection_id", id, "max_tracks", MAX_TRACKS));
                            }
                            return members.append(organization, id, trackId, size);
                        }));
    }

    /** Removes a track if it is a member; removing a non-member changes nothing. */
    @WithTransaction
    public Uni<Void> remove(Caller caller, String id, String trackId) {
        if (trackId.length() > Ids.MAX_LENGTH) {
            // Malformed, not merely absent: no track can have this id (contract §1.2).
            return Uni.createFrom().failure(new TrackNotFound(trackId));
        }
        return lock(caller, id).chain(revision -> members.remove(caller.organizationId(), id, trackId));
    }

    /** Applies the reorder rule (contract §1.5) in one statement; an unchanged order writes nothing. */
    @WithTransaction
    public Uni<Void> reorder(Caller caller, String id, List<String> orderedTrackIds) {
        List<String> duplicates = ReorderRule.duplicates(orderedTrackIds);
        if (!duplicates.isEmpty()) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.VALIDATION_ERROR,
                    "ordered_track_ids lists the same track more than once",
                    Map.of("field", ReorderRequest.FIELD, "duplicate_ids", duplicates)));
        }
        return lock(caller, id).chain(revision -> orderedTrackIds.isEmpty()
                ? Uni.createFrom().voidItem()
                : members.reorder(caller.organizationId(), id, orderedTrackIds.toArray(String[]::new)).replaceWithVoid());
    }

    private Uni<Long> lock(Caller caller, String id) {
        return collections.lockOwned(caller, id).map(revision -> {
            if (revision == null) {
                throw new CollectionNotFound(id);
            }
            return revision;
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

    private Uni<CollectionView> withTrackCount(MusicCollection collection) {
        return members.size(collection.organizationId, collection.id)
                .map(count -> CollectionView.of(collection, count));
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
