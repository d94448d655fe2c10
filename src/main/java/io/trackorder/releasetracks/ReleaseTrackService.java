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
import io.trackorder.ordering.ReorderRule;
import io.trackorder.releases.Release;
import io.trackorder.releases.ReleaseAccess;
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

    private final ReleaseAccess access;
    private final ReleaseTrackRepository tracks;

    public ReleaseTrackService(ReleaseAccess access, ReleaseTrackRepository tracks) {
        this.access = access;
        this.tracks = tracks;
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
                    return tracks.flush().map(done -> new Versioned<>(ReleaseTrackView.of(track), release.tag()));
                }));
    }

    /**
     * Removes a track; the tracks after it move up one number.
     *
     * @return the release's tag afterwards
     */
    @WithTransaction
    public Uni<EntityTag> removeTrack(WorkspaceMember member, UUID id, UUID trackId, IfMatch ifMatch) {
        return access.editable(member, id, ifMatch).chain(release -> tracks.remove(member.tenantId(), id, trackId)
                .map(removed -> {
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
        List<String> trackOrder = requestedOrder.stream().map(trackId -> trackId.toLowerCase(Locale.ROOT)).toList();
        List<String> duplicates = ReorderRule.duplicates(trackOrder);
        if (!duplicates.isEmpty()) {
            return Uni.createFrom().failure(BodyFields.invalid(TrackOrderRequest.FIELD,
                    "trackOrder lists the same track more than once: " + named(duplicates)));
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
            Uni<Boolean> changed = requested.length == 0
                    ? Uni.createFrom().item(false)
                    : tracks.reorder(member.tenantId(), id, requested);
            return changed.chain(moved -> tracks.ofRelease(member.tenantId(), id).map(found -> {
                List<String> strangers = strangers(requested, found);
                if (!strangers.isEmpty()) {
                    throw notTracks(strangers);
                }
                return new Versioned<>(ReleaseTrackView.of(found),
                        EntityTag.ofObject(moved ? release.revision + 1 : release.revision, release.changeCount));
            }));
        });
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
                "trackOrder lists ids that are not tracks of this release: " + named(ids));
    }

    /** At most ten ids, so that a message stays readable whatever the request held. */
    private static String named(List<String> ids) {
        String shown = String.join(", ", ids.subList(0, Math.min(10, ids.size())));
        return ids.size() > 10 ? shown + " and " + (ids.size() - 10) + " more" : shown;
    }
}
