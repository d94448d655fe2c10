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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.smallrye.mutiny.Uni;
import io.trackorder.apikeys.CurrentCaller;
import io.trackorder.web.Ack;
import io.trackorder.web.Page;
import io.trackorder.web.PageRequest;

@Path("/v1/music/{organization_id}/tracks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tracks")
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
    @APIResponseSchema(value = TrackView.class, responseCode = "201")
    public Uni<TrackView> create(@Valid @NotNull NewTrack request) {
        return tracks.create(caller.get(), request);
    }

    @GET
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "TrackPage")))
    public Uni<Page<TrackView>> list(@Parameter(ref = "limit") @QueryParam("limit") String limit,
            @Parameter(ref = "offset") @QueryParam("offset") String offset,
            @Parameter(ref = "collection_filter") @QueryParam("collection_id") String collectionId) {
        PageRequest page = PageRequest.parse(limit, offset, PageRequest.DEFAULT_LIMIT, PageRequest.MAX_LIMIT);
        return tracks.list(caller.get(), collectionId, page).map(items -> Page.of(items, page));
    }

    @GET
    @Path("{track_id}")
    public Uni<TrackView> get(@PathParam("track_id") String trackId) {
        return tracks.get(caller.get(), trackId);
    }

    @DELETE
    @Path("{track_id}")
    public Uni<Ack> delete(@PathParam("track_id") String trackId) {
        return tracks.delete(caller.get(), trackId).map(done -> Ack.of(trackId, "Track deleted."));
    }
}
