package io.trackorder.releases;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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
import io.trackorder.ordering.ReorderRule;
import io.trackorder.security.WorkspaceMember;

/**
 * The rules of releases, their tracks and their review workflow. Every change of a release or its
 * track list locks the release row first, so the writers of one release run one after another, and
 * checks the caller's {@link IfMatch} against the release's tag ({@link Release#tag}) as locked.
 * Every change raises the revision (track list and order) or the change count (everything else),
 * so the tag changes with anything a reader of the release or its tracks could see.
 */
@ApplicationScoped
@RunsToCompletion
public class ReleaseService {

    static final int MAX_TRACKS = 1_000;

    private final ReleaseRepository releases;
    private final ReleaseTrackRepository tracks;

    public ReleaseService(ReleaseRepository releases, ReleaseTrackRepository tracks) {
        this.releases = releases;
        this.tracks = tracks;
    }

    /** A new draft owned by the caller, with its tracks numbered 1…n in the order given. */
    @WithTransaction
    public Uni<Versioned<ReleaseView>> create(WorkspaceMember member, ReleaseEdit edit) {
        Instant now = now();
        Release release = new Release();
        release.tenantId = member.tenantId();
        release.id = UUID.randomUUID();
        release.tenantUserId = member.userId();
        release.status = ReleaseStatus.DRAFT.value();
        release.createdAt = now;
        release.updatedAt = now;
        setDefaults(release);
        edit.applyTo(release);
        List<ReleaseTrack> created = new ArrayList<>();
        for (TrackEdit trackEdit : edit.tracks()) {
            created.add(newTrack(release, created.size() + 1, trackEdit, now));
        }
        return releases.persist(release)
                .chain(() -> created.isEmpty() ? Uni.createFrom().voidItem() : tracks.persist(created))
                .chain(() -> releases.flush())
                .map(done -> new Versioned<>(ReleaseView.of(release, created), release.tag()));
    }

    @WithSession
    public Uni<Replies.ReleasePage> list(WorkspaceMember member, ReleaseQuery query) {
        return releases.count(member, query)
                .chain(total -> releases.page(member, query)
                        .map(page -> new Replies.ReleasePage(page.stream().map(ReleaseView::withoutTracks).toList(),
                                new Replies.Pagination(query.page(), query.limit(), total,
                                        (total + query.limit() - 1) / query.limit()))));
    }

    @WithSession
    public Uni<Versioned<ReleaseView>> get(WorkspaceMember member, UUID id) {
        return visible(member, id).chain(this::withTracks);
    }

    /** Partial update of the release's own fields; the revision stays as it is. */
    @WithTransaction
    public Uni<Versioned<ReleaseView>> update(WorkspaceMember member, UUID id, ReleaseEdit edit, IfMatch ifMatch) {
        return editable(member, id, ifMatch).chain(release -> {
            edit.applyTo(release);
            release.updatedAt = now();
            release.changeCount++;
            return releases.flush().chain(() -> withTracks(release));
        });
    }

    @WithTransaction
    public Uni<Void> delete(WorkspaceMember member, UUID id, IfMatch ifMatch) {
        return editable(member, id, ifMatch)
                .chain(release -> releases.deleteRelease(member.tenantId(), id).replaceWithVoid());
    }

    /** draft or rejected → submitted; a release needs at least one track to be reviewed. */
    @WithTransaction
    public Uni<Versioned<ReleaseView>> submit(WorkspaceMember member, UUID id, IfMatch ifMatch) {
        return visibleForUpdate(member, id, ifMatch).chain(release -> {
            if (!release.status().isEditable()) {
                throw new ReleaseNotEditable("Only releases in draft or rejected status can be submitted; this one is "
                        + release.status);
            }
            return tracks.size(member.tenantId(), id).chain(count -> {
                if (count == 0) {
                    throw new ReleaseNotEditable("A release needs at least one track to be submitted");
                }
                Instant now = now();
                release.status = ReleaseStatus.SUBMITTED.value();
                release.submittedAt = now;
                release.updatedAt = now;
                release.changeCount++;
                return releases.flush().chain(() -> withTracks(release));
            });
        });
    }

    /** submitted → approved or rejected, by an admin of the workspace. */
    @WithTransaction
    public Uni<Versioned<ReleaseView>> review(WorkspaceMember member, UUID id, ReviewRequest request, IfMatch ifMatch) {
        if (!member.admin()) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.INSUFFICIENT_PERMISSIONS,
                    "Only workspace admins can review releases"));
        }
        Review review = Review.of(request);
        return visibleForUpdate(member, id, ifMatch).chain(release -> {
            ReleaseStatus status = release.status();
            if (status != ReleaseStatus.SUBMITTED && status != ReleaseStatus.UNDER_REVIEW) {
                throw new ReleaseNotEditable("Only submitted releases can be reviewed; this one is " + release.status);
            }
            Instant now = now();
            release.status = review.outcome().value();
            release.feedback = review.feedback();
            release.reviewedAt = now;
            release.reviewedById = member.userId();
            release.updatedAt = now;
            release.changeCount++;
            return releases.flush().chain(() -> withTracks(release));
        });
    }

    /**
     * The track list and the release's tag, read before it: if a change commits in between, the tag
     * is older than the list, so a change conditional on it fails safely with 412.
     */
    @WithSession
    public Uni<Versioned<List<ReleaseTrackView>>> tracks(WorkspaceMember member, UUID id) {
        return visible(member, id).chain(release -> tracks.ofRelease(member.tenantId(), id)
                .map(found -> new Versioned<>(ReleaseTrackView.of(found), release.tag())));
    }

    /** Appends a track, numbered after the last one. */
    @WithTransaction
    public Uni<Versioned<ReleaseTrackView>> addTrack(WorkspaceMember member, UUID id, TrackEdit edit, IfMatch ifMatch) {
        return editable(member, id, ifMatch).chain(release -> tracks.size(member.tenantId(), id).chain(count -> {
            if (count >= MAX_TRACKS) {
                throw BodyFields.invalid("tracks", "A release holds at most " + MAX_TRACKS + " tracks");
            }
            Instant now = now();
            ReleaseTrack track = newTrack(release, count.intValue() + 1, edit, now);
            release.revision++;
            release.updatedAt = now;
            return tracks.persist(track).chain(() -> releases.flush())
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
        return editable(member, id, ifMatch).chain(release -> tracks.findTrack(member.tenantId(), id, trackId)
                .chain(track -> {
                    if (track == null) {
                        throw new ReleaseTrackNotFound();
                    }
                    edit.applyTo(track);
                    track.updatedAt = now();
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
        return editable(member, id, ifMatch).chain(release -> tracks.remove(member.tenantId(), id, trackId)
                .map(removed -> {
                    if (!removed) {
                        throw new ReleaseTrackNotFound();
                    }
                    return EntityTag.ofObject(release.revision + 1, release.changeCount);
                }));
    }

    /**
     * Contract §2.5: the listed tracks take numbers 1…k in the given order, the others follow in
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
        return editable(member, id, ifMatch).chain(release -> {
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

    private Uni<Release> visible(WorkspaceMember member, UUID id) {
        return releases.findVisible(member, id).map(ReleaseService::found);
    }

    /** Loads and locks a release and checks the precondition. */
    private Uni<Release> visibleForUpdate(WorkspaceMember member, UUID id, IfMatch ifMatch) {
        return releases.findVisibleForUpdate(member, id).map(release -> {
            found(release);
            ifMatch.require(release.tag());
            return release;
        });
    }

    private static Release found(Release release) {
        if (release == null) {
            throw new ReleaseNotFound();
        }
        return release;
    }

    /** Loads and locks a release that may still be changed, and checks the precondition. */
    private Uni<Release> editable(WorkspaceMember member, UUID id, IfMatch ifMatch) {
        return visibleForUpdate(member, id, ifMatch).invoke(release -> {
            if (!release.status().isEditable()) {
                throw ReleaseNotEditable.forChanges(release.status());
            }
        });
    }

    private Uni<Versioned<ReleaseView>> withTracks(Release release) {
        return tracks.ofRelease(release.tenantId, release.id)
                .map(found -> new Versioned<>(ReleaseView.of(release, found), release.tag()));
    }

    private static ReleaseTrack newTrack(Release release, int trackNumber, TrackEdit edit, Instant now) {
        ReleaseTrack track = new ReleaseTrack();
        track.tenantId = release.tenantId;
        track.releaseId = release.id;
        track.id = UUID.randomUUID();
        track.trackNumber = trackNumber;
        track.displayArtist = release.displayArtist;
        track.contributors = new LinkedHashMap<>();
        track.createdAt = now;
        track.updatedAt = now;
        setDefaults(track);
        edit.applyTo(track);
        return track;
    }

    private static void setDefaults(CatalogEntry entry) {
        entry.artists = List.of();
        entry.mainGenre = List.of();
        entry.subGenre = List.of();
        entry.metadata = JsonNodeFactory.instance.objectNode();
    }

    /** At most ten ids, so that a message stays readable whatever the request held. */
    private static String named(List<String> ids) {
        String shown = String.join(", ", ids.subList(0, Math.min(10, ids.size())));
        return ids.size() > 10 ? shown + " and " + (ids.size() - 10) + " more" : shown;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
