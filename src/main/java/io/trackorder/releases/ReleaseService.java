package io.trackorder.releases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.trackorder.catalog.CatalogEntry;
import io.trackorder.conditional.IfMatch;
import io.trackorder.conditional.Versioned;
import io.trackorder.database.RunsToCompletion;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;
import io.trackorder.events.Events;
import io.trackorder.ordering.Editors;
import io.trackorder.releasetracks.ReleaseTrack;
import io.trackorder.releasetracks.ReleaseTrackRepository;
import io.trackorder.releasetracks.ReleaseTrackService;
import io.trackorder.releasetracks.TrackEdit;
import io.trackorder.security.WorkspaceMember;

/**
 * The rules of releases and their review workflow. Every change of a release locks its row first
 * ({@link ReleaseAccess}), so the writers of one release run one after another, and checks the
 * caller's {@link IfMatch} against the release's tag ({@link Release#tag}) as locked. Every change
 * raises the release's change count, so the tag changes with anything a reader of the release could
 * see; its tracks change through {@link ReleaseTrackService}.
 */
@ApplicationScoped
@RunsToCompletion
public class ReleaseService {

    private final ReleaseRepository releases;
    private final ReleaseAccess access;
    private final ReleaseTrackRepository tracks;
    private final Editors editors;
    private final ReleaseEvents events;

    public ReleaseService(ReleaseRepository releases, ReleaseAccess access, ReleaseTrackRepository tracks,
            Editors editors, ReleaseEvents events) {
        this.editors = editors;
        this.events = events;
        this.releases = releases;
        this.access = access;
        this.tracks = tracks;
    }

    /** A new draft owned by the caller, with its tracks numbered 1…n in the order given. */
    @WithTransaction
    public Uni<Versioned<ReleaseView>> create(WorkspaceMember member, ReleaseEdit edit) {
        Instant now = CatalogEntry.now();
        Release release = new Release();
        release.tenantId = member.tenantId();
        release.id = UUID.randomUUID();
        release.tenantUserId = member.userId();
        release.status = ReleaseStatus.DRAFT.value();
        release.createdAt = now;
        release.updatedAt = now;
        release.applyDefaults();
        edit.applyTo(release);
        List<ReleaseTrack> created = new ArrayList<>();
        for (TrackEdit trackEdit : edit.tracks()) {
            created.add(ReleaseTrackService.newTrack(release, created.size() + 1, trackEdit, now));
        }
        return releases.persist(release)
                .chain(() -> created.isEmpty() ? Uni.createFrom().voidItem() : tracks.persist(created))
                .chain(() -> releases.flush())
                // A release made with tracks starts its history with their order, so the first
                // change after it can be undone.
                .chain(() -> created.isEmpty() ? Uni.createFrom().voidItem()
                        : tracks.recordAdded(release.tenantId, release.id, editors.of(member.userId())))
                .chain(() -> {
                    ObjectNode fields = Events.fields().put("title", release.title);
                    ArrayNode trackIds = fields.putArray("track_ids");
                    created.forEach(track -> trackIds.add(track.id.toString()));
                    return events.write(release, "created", member, fields);
                })
                .map(done -> new Versioned<>(ReleaseView.of(release, created), release.tag()));
    }

    @WithSession
    public Uni<Replies.ReleasePage> list(WorkspaceMember member, ReleaseQuery query) {
        return releases.count(member, query)
                .chain(total -> releases.page(member, query)
                        .map(page -> new Replies.ReleasePage(page.stream().map(ReleaseView::withoutTracks).toList(),
                                query.paging().of(total))));
    }

    @WithSession
    public Uni<Versioned<ReleaseView>> get(WorkspaceMember member, UUID id) {
        return access.visible(member, id).chain(this::withTracks);
    }

    /** Partial update of the release's own fields; the revision stays as it is. */
    @WithTransaction
    public Uni<Versioned<ReleaseView>> update(WorkspaceMember member, UUID id, ReleaseEdit edit, IfMatch ifMatch) {
        return access.editable(member, id, ifMatch).chain(release -> {
            edit.applyTo(release);
            release.updatedAt = CatalogEntry.now();
            release.changeCount++;
            return releases.flush().chain(() -> events.write(release, "updated", member, edit.changedFields()))
                    .chain(() -> withTracks(release));
        });
    }

    @WithTransaction
    public Uni<Void> delete(WorkspaceMember member, UUID id, IfMatch ifMatch) {
        return access.editable(member, id, ifMatch)
                .chain(release -> releases.deleteRelease(member.tenantId(), id)
                        // The event outlives the release: the outbox does not refer to it.
                        .chain(() -> events.write(release, "deleted", member, Events.fields())));
    }

    /** draft or rejected → submitted; a release needs at least one track to be reviewed. */
    @WithTransaction
    public Uni<Versioned<ReleaseView>> submit(WorkspaceMember member, UUID id, IfMatch ifMatch) {
        return access.visibleForUpdate(member, id, ifMatch).chain(release -> {
            if (!release.status().isEditable()) {
                throw new ReleaseNotEditable("Only releases in draft or rejected status can be submitted; this one is "
                        + release.status);
            }
            return tracks.size(member.tenantId(), id).chain(count -> {
                if (count == 0) {
                    throw new ReleaseNotEditable("A release needs at least one track to be submitted");
                }
                Instant now = CatalogEntry.now();
                release.status = ReleaseStatus.SUBMITTED.value();
                release.submittedAt = now;
                release.updatedAt = now;
                release.changeCount++;
                return releases.flush()
                        .chain(() -> events.write(release, "submitted", member, Events.fields().put("status", release.status)))
                        .chain(() -> withTracks(release));
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
        return access.visibleForUpdate(member, id, ifMatch).chain(release -> {
            ReleaseStatus status = release.status();
            if (status != ReleaseStatus.SUBMITTED && status != ReleaseStatus.UNDER_REVIEW) {
                throw new ReleaseNotEditable("Only submitted releases can be reviewed; this one is " + release.status);
            }
            Instant now = CatalogEntry.now();
            release.status = review.outcome().value();
            release.feedback = review.feedback();
            release.reviewedAt = now;
            release.reviewedById = member.userId();
            release.updatedAt = now;
            release.changeCount++;
            return releases.flush()
                    .chain(() -> events.write(release, "reviewed", member,
                            Events.fields().put("status", release.status).put("feedback", release.feedback)))
                    .chain(() -> withTracks(release));
        });
    }

    private Uni<Versioned<ReleaseView>> withTracks(Release release) {
        return tracks.ofRelease(release.tenantId, release.id)
                .map(found -> new Versioned<>(ReleaseView.of(release, found), release.tag()));
    }
}
