package io.trackorder.releasetracks;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.trackorder.catalog.BodyFields;
import io.trackorder.catalog.CatalogEntry;
import io.trackorder.catalog.Uuids;
import io.trackorder.conditional.EntityTag;
import io.trackorder.conditional.IfMatch;
import io.trackorder.conditional.Versioned;
import io.trackorder.database.RunsToCompletion;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;
import io.trackorder.events.Events;
import io.trackorder.ordering.ChangeKind;
import io.trackorder.ordering.Editor;
import io.trackorder.ordering.Editors;
import io.trackorder.ordering.MoveBody;
import io.trackorder.ordering.OrderHistory;
import io.trackorder.ordering.ReorderRule;
import io.trackorder.releases.Paging;
import io.trackorder.releases.Release;
import io.trackorder.releases.ReleaseAccess;
import io.trackorder.releases.ReleaseEvents;
import io.trackorder.security.WorkspaceMember;

/**
 * The rules of a release's tracks: numbered 1…n without gaps, changed only while the release may
 * be. Every change locks the release row first ({@link ReleaseAccess#editable}), so the writers of
 * one release run one after another, and checks the caller's {@link IfMatch} against the release's
 * tag as locked. Adding, removing or reordering raises the release's revision, editing a track its
 * change count, so the tag changes with anything a reader of the release or its tracks could see.
 */
@ApplicationScoped
@RunsToCompletion
public class ReleaseTrackService {

    public static final int MAX_TRACKS = 1_000;

    static final MoveBody.Fields MOVE_FIELDS = new MoveBody.Fields("rangeStart", "rangeLength", "insertBefore",
            "trackIds", "beforeTrackId", "afterTrackId", false);

    private final ReleaseAccess access;
    private final ReleaseTrackRepository tracks;
    private final Editors editors;
    private final ReleaseEvents events;

    public ReleaseTrackService(ReleaseAccess access, ReleaseTrackRepository tracks, Editors editors, ReleaseEvents events) {
        this.access = access;
        this.tracks = tracks;
        this.editors = editors;
        this.events = events;
    }

    /**
     * The track list and the release's tag, read before it: if a change commits in between, the tag
     * is older than the list, so a change conditional on it fails safely with 412.
     */
    @WithSession
    public Uni<Versioned<List<ReleaseTrackView>>> tracks(WorkspaceMember member, UUID id) {
        return access.visible(member, id).chain(release -> tracks.ofRelease(member.tenantId(), id)
                .map(found -> new Versioned<>(ReleaseTrackView.of(found), release.tag())));
    }

    /** Appends a track, numbered after the last one as counted under the release's lock. */
    @WithTransaction
    public Uni<Versioned<ReleaseTrackView>> addTrack(WorkspaceMember member, UUID id, TrackEdit edit, IfMatch ifMatch) {
        return access.editable(member, id, ifMatch).chain(release -> tracks.size(member.tenantId(), id).chain(count -> {
            if (count >= MAX_TRACKS) {
                throw BodyFields.invalid("tracks", "A release holds at most " + MAX_TRACKS + " tracks");
            }
            Instant now = CatalogEntry.now();
            ReleaseTrack track = newTrack(release, count.intValue() + 1, edit, now);
            release.revision++;
            release.updatedAt = now;
            return tracks.persist(track).chain(() -> tracks.flush())
                    .chain(() -> tracks.recordAdded(member.tenantId(), id, editors.of(member.userId())))
                    .chain(() -> events.write(release, "track_added", member,
                            Events.fields().put("track_id", track.id.toString()).put("track_number", track.trackNumber)))
                    .map(done -> new Versioned<>(ReleaseTrackView.of(track), release.tag()));
        }));
    }

    /**
     * Partial update of a track's fields; its number and the release's revision stay as they are,
     * and the release's change count goes up: the release and its track list show the track.
     */
    @WithTransaction
    public Uni<Versioned<ReleaseTrackView>> updateTrack(WorkspaceMember member, UUID id, UUID trackId, TrackEdit edit,
            IfMatch ifMatch) {
        return access.editable(member, id, ifMatch).chain(release -> tracks.findTrack(member.tenantId(), id, trackId)
                .chain(track -> {
                    if (track == null) {
                        throw new ReleaseTrackNotFound();
                    }
                    edit.applyTo(track);
                    track.updatedAt = CatalogEntry.now();
                    release.changeCount++;
                    return tracks.flush()
                            .chain(() -> events.write(release, "track_updated", member,
                                    edit.changedFields().put("track_id", track.id.toString())))
                            .map(done -> new Versioned<>(ReleaseTrackView.of(track), release.tag()));
                }));
    }

    /**
     * Removes a track; the tracks after it move up one number.
     *
     * @return the release's tag afterwards
     */
    @WithTransaction
    public Uni<EntityTag> removeTrack(WorkspaceMember member, UUID id, UUID trackId, IfMatch ifMatch) {
        return access.editable(member, id, ifMatch)
                .chain(release -> tracks.remove(member.tenantId(), id, trackId, editors.of(member.userId())).map(removed -> {
                    if (!removed) {
                        throw new ReleaseTrackNotFound();
                    }
                    return EntityTag.ofObject(release.revision + 1, release.changeCount);
                }));
    }

    /**
     * The reorder rule: the listed tracks take numbers 1…k in the given order, the others follow in
     * their previous relative order, in one statement; an unchanged order writes nothing.
     */
    @WithTransaction
    public Uni<Versioned<List<ReleaseTrackView>>> reorder(WorkspaceMember member, UUID id, List<String> requestedOrder,
            IfMatch ifMatch) {
        // UUIDs are case-insensitive: compare them, and name them in errors, in their canonical lower case.
        List<String> trackOrder = requestedOrder.stream().map(ReleaseTrackService::canonical).toList();
        List<String> duplicates = ReorderRule.duplicates(trackOrder);
        if (!duplicates.isEmpty()) {
            return Uni.createFrom().failure(BodyFields.invalid(TrackOrderRequest.FIELD,
                    "trackOrder lists the same track more than once: " + MoveBody.named(duplicates)));
        }
        List<String> malformed = trackOrder.stream().filter(trackId -> Uuids.parse(trackId) == null).toList();
        UUID[] requested = malformed.isEmpty() ? trackOrder.stream().map(Uuids::parse).toArray(UUID[]::new) : null;
        // The ids are checked against the tracks read back for the response, after the statement: a
        // stranger fails the transaction, which rolls the new order back. One round trip fewer than a
        // separate check before it.
        return access.editableForReorder(member, id, ifMatch).chain(release -> {
            if (!malformed.isEmpty()) {
                throw notTracks(malformed);
            }
            return reordered(member, release, requested, ChangeKind.REORDER).map(ordered -> {
                List<String> strangers = strangers(requested, ordered.body());
                if (!strangers.isEmpty()) {
                    throw notTracks(strangers);
                }
                return ordered.map(ReleaseTrackView::of);
            });
        });
    }

    /**
     * Moves a range of tracks, or tracks next to an anchor track (src/site/markdown/api.md), in one
     * statement; a move that leaves the order as it was writes nothing.
     */
    @WithTransaction
    public Uni<Versioned<List<ReleaseTrackView>>> move(WorkspaceMember member, UUID id, MoveBody move,
            IfMatch ifMatch) {
        Editor editor = editors.of(member.userId());
        return access.editableForReorder(member, id, ifMatch).chain(release -> {
            Uni<Boolean> changed;
            if (move.isRange()) {
                changed = tracks.moveRange(member.tenantId(), id, move.range(), editor).map(moved -> {
                    move.requireFits(moved.size(), MOVE_FIELDS);
                    return moved.changed();
                });
            } else {
                // An id that is not a UUID names no track; the nil UUID stands in for it, matching none.
                UUID[] ids = move.ids().stream().map(ReleaseTrackService::uuidOrNil).toArray(UUID[]::new);
                changed = tracks.moveNextTo(member.tenantId(), id, ids, uuidOrNil(move.anchor()), move.after(), editor)
                        .map(moved -> {
                            move.requireMembers(moved, MOVE_FIELDS);
                            return moved.changed();
                        });
            }
            return changed.chain(moved -> tracksAfter(release, moved)).map(ordered -> ordered.map(ReleaseTrackView::of));
        });
    }

    /** The newest entries of the track list's order history, for anyone who can see the release. */
    @WithSession
    public Uni<TrackHistoryPage> history(WorkspaceMember member, UUID id, Paging paging) {
        int tenant = member.tenantId();
        return access.visible(member, id)
                .chain(release -> tracks.historySize(tenant, id))
                .chain(total -> tracks.history(tenant, id, paging.limit(), paging.offset())
                        .map(entries -> new TrackHistoryPage(entries.stream().map(TrackHistoryPage.Item::of).toList(),
                                paging.of(total))));
    }

    /** One entry of the order history, with the order after its change. */
    @WithSession
    public Uni<TrackHistoryEntry> historyEntry(WorkspaceMember member, UUID id, long revision) {
        return access.visible(member, id)
                .chain(release -> tracks.historyEntry(member.tenantId(), id, revision))
                .map(entry -> TrackHistoryEntry.of(requireEntry(entry)));
    }

    /**
     * Gives the current tracks the order recorded at {@code revision}: recorded tracks first in
     * that order, tracks added since after them in their current order. A new change, so it can
     * itself be undone.
     */
    @WithTransaction
    public Uni<Versioned<List<ReleaseTrackView>>> restore(WorkspaceMember member, UUID id, long revision,
            IfMatch ifMatch) {
        return access.editableForReorder(member, id, ifMatch)
                .chain(release -> tracks.historyEntry(member.tenantId(), id, revision).chain(entry -> {
                    UUID[] order = requireEntry(entry).trackIds().stream().map(UUID::fromString).toArray(UUID[]::new);
                    return reordered(member, release, order, ChangeKind.RESTORE);
                }))
                .map(ordered -> ordered.map(ReleaseTrackView::of));
    }

    /** Applies the reorder rule with {@code order}, then reads the tracks back in their new order. */
    private Uni<Versioned<List<ReleaseTrack>>> reordered(WorkspaceMember member, Release release, UUID[] order,
            ChangeKind kind) {
        Uni<Boolean> changed = order.length == 0
                ? Uni.createFrom().item(false)
                : tracks.reorder(member.tenantId(), release.id, order, editors.of(member.userId()), kind);
        return changed.chain(moved -> tracksAfter(release, moved));
    }

    /** The tracks in their order after a change, and the release's tag with them. */
    private Uni<Versioned<List<ReleaseTrack>>> tracksAfter(Release release, boolean changed) {
        return tracks.ofRelease(release.tenantId, release.id)
                .map(found -> new Versioned<>(found, tagAfter(release, changed)));
    }

    private static EntityTag tagAfter(Release release, boolean changed) {
        return EntityTag.ofObject(changed ? release.revision + 1 : release.revision, release.changeCount);
    }

    /** UUIDs are case-insensitive: they are compared, and named in errors, in lower case. */
    static String canonical(String trackId) {
        return trackId.toLowerCase(Locale.ROOT);
    }

    private static UUID uuidOrNil(String id) {
        UUID parsed = Uuids.parse(id);
        return parsed != null ? parsed : new UUID(0, 0);
    }

    private static OrderHistory.Entry requireEntry(OrderHistory.Entry entry) {
        if (entry == null) {
            throw new ApiException(ErrorCode.RESOURCE_NOT_FOUND,
                    "The release's track order history has no entry for this revision");
        }
        return entry;
    }

    /** A new track of the release, numbered {@code trackNumber}, with the edit's fields. */
    public static ReleaseTrack newTrack(Release release, int trackNumber, TrackEdit edit, Instant now) {
        ReleaseTrack track = new ReleaseTrack();
        track.tenantId = release.tenantId;
        track.releaseId = release.id;
        track.id = UUID.randomUUID();
        track.trackNumber = trackNumber;
        track.displayArtist = release.displayArtist;
        track.contributors = new LinkedHashMap<>();
        track.createdAt = now;
        track.updatedAt = now;
        track.applyDefaults();
        edit.applyTo(track);
        return track;
    }

    /** The requested ids that are not among the release's tracks, in the requested order. */
    private static List<String> strangers(UUID[] requested, List<ReleaseTrack> tracks) {
        Set<UUID> ids = new HashSet<>(tracks.size() * 2);
        tracks.forEach(track -> ids.add(track.id));
        return Arrays.stream(requested).filter(trackId -> !ids.contains(trackId)).map(UUID::toString).toList();
    }

    private static ApiException notTracks(List<String> ids) {
        return BodyFields.invalid(TrackOrderRequest.FIELD,
                "trackOrder lists ids that are not tracks of this release: " + MoveBody.named(ids));
    }

}
