package io.trackorder.tracks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.trackorder.Ids;
import io.trackorder.apikeys.Caller;
import io.trackorder.collections.CollectionNotFound;
import io.trackorder.collections.CollectionRepository;
import io.trackorder.database.RunsToCompletion;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;
import io.trackorder.ordering.Editors;
import io.trackorder.web.PageRequest;

/** The organization's track catalogue. */
@ApplicationScoped
@RunsToCompletion
public class TrackService {

    private final TrackRepository tracks;
    private final CollectionRepository collections;
    private final Ids ids;
    private final Editors editors;

    public TrackService(TrackRepository tracks, CollectionRepository collections, Ids ids, Editors editors) {
        this.tracks = tracks;
        this.collections = collections;
        this.ids = ids;
        this.editors = editors;
    }

    @WithTransaction
    public Uni<TrackView> create(Caller caller, NewTrack request) {
        Track track = new Track();
        track.organizationId = caller.organizationId();
        track.id = ids.next("mtrack_");
        track.createdBy = caller.userId();
        track.title = request.title();
        track.engine = request.engine();
        track.mode = request.mode();
        track.measuredDurationSeconds = request.measuredDurationSeconds();
        track.instrumental = Boolean.TRUE.equals(request.instrumental());
        track.licenceClass = (request.licenceClass() == null ? LicenceClass.UNCLEAR : request.licenceClass()).wireName();
        track.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return tracks.persist(track).map(TrackView::of);
    }

    /** Tracks the caller created, newest first; or, given a collection of the caller's, its tracks in order. */
    @WithSession
    public Uni<List<TrackView>> list(Caller caller, String collectionId, PageRequest page) {
        if (collectionId == null) {
            return tracks.listCreatedBy(caller.organizationId(), caller.userId(), page).map(TrackService::views);
        }
        return collections.findOwned(caller, collectionId)
                .chain(collection -> {
                    if (collection == null) {
                        throw new CollectionNotFound(collectionId);
                    }
                    return tracks.listInCollection(caller.organizationId(), collectionId, page);
                })
                .map(TrackService::views);
    }

    @WithSession
    public Uni<TrackView> get(Caller caller, String id) {
        return tracks.findInOrganization(caller.organizationId(), id).map(track -> {
            if (track == null) {
                throw new TrackNotFound(id);
            }
            return TrackView.of(track);
        });
    }

    /**
     * Deletes a track the caller created; it leaves every collection, whose positions stay dense,
     * and stops being the cover of any.
     */
    @WithTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return tracks.lockForDelete(caller.organizationId(), id)
                .chain(creator -> {
                    if (creator == null) {
                        throw new TrackNotFound(id);
                    }
                    if (!creator.equals(caller.userId())) {
                        throw new ApiException(ErrorCode.INSUFFICIENT_PERMISSIONS,
                                "Only the creator of a track can delete it", Map.of("track_id", id));
                    }
                    return collections.lockHolding(caller.organizationId(), id);
                })
                .chain(locked -> collections.clearCover(caller.organizationId(), id, caller.userId()))
                .chain(cleared -> tracks.deleteWithMemberships(caller.organizationId(), id, editors.of(caller.userId())));
    }

    private static List<TrackView> views(List<Track> found) {
        return found.stream().map(TrackView::of).toList();
    }
}
