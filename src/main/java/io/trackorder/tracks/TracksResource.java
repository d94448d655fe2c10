package io.trackorder.tracks;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.smallrye.mutiny.Uni;
import io.trackorder.security.CurrentCaller;
import io.trackorder.web.Ack;
import io.trackorder.web.Page;
import io.trackorder.web.PageRequest;

@Path("/v1/music/{organization_id}/tracks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tracks", description = "The organization's track catalogue.")
@SecurityRequirement(name = "apiKey")
public class TracksResource {

    private final TrackService tracks;
    private final CurrentCaller caller;

    public TracksResource(TrackService tracks, CurrentCaller caller) {
        this.tracks = tracks;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Create a track", description = "All fields are optional; the caller becomes the creator.")
    @APIResponse(responseCode = "201", description = "The new track.")
    public Uni<TrackView> create(@Valid @NotNull NewTrack request) {
        return tracks.create(caller.get(), request);
    }

    @GET
    @Operation(summary = "List tracks",
            description = "Tracks the caller created, newest first. With `collection_id` (a collection of the "
                    + "caller's, else 404): that collection's tracks in collection order.")
    @APIResponse(responseCode = "200", description = "A page of tracks: `{items, limit, offset}`.")
    public Uni<Page<TrackView>> list(
            @Parameter(description = "1-100, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "0 or more, default 0") @QueryParam("offset") String offset,
            @Parameter(description = "Only this collection's tracks, in order") @QueryParam("collection_id") String collectionId) {
        PageRequest page = PageRequest.parse(limit, offset, 50, 100);
        return tracks.list(caller.get(), collectionId, page).map(items -> Page.of(items, page));
    }

    @GET
    @Path("{track_id}")
    @Operation(summary = "Get a track", description = "Any track of the organization.")
    @APIResponse(responseCode = "200", description = "The track.")
    public Uni<TrackView> get(@PathParam("track_id") String trackId) {
        return tracks.get(caller.get(), trackId);
    }

    @DELETE
    @Path("{track_id}")
    @Operation(summary = "Delete a track",
            description = "Creator only (others get 403). The track leaves every collection in the same transaction; "
                    + "the tracks after it move up, and each of those collections gets a new revision.")
    @APIResponse(responseCode = "200", description = "Deleted.")
    public Uni<Ack> delete(@PathParam("track_id") String trackId) {
        return tracks.delete(caller.get(), trackId).map(done -> Ack.of(trackId, "Track deleted."));
    }
}
