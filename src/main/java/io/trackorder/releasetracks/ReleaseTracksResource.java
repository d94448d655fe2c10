package io.trackorder.releasetracks;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.trackorder.conditional.IfMatch;
import io.trackorder.conditional.Versioned;
import io.trackorder.ordering.MoveBody;
import io.trackorder.ordering.OrderHistory;
import io.trackorder.ordering.ReorderMetrics;
import io.trackorder.ordering.ReorderMetrics.Surface;
import io.trackorder.ordering.RestoreBody;
import io.trackorder.releases.Paging;
import io.trackorder.releases.ReleaseNotFound;
import io.trackorder.releases.Replies;
import io.trackorder.releases.Replies.Reply;
import io.trackorder.security.CurrentMember;

/** The tracks of a release: listed, added, edited, removed and reordered, on the Releases API. */
@Path("/releases/{id}/tracks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Track Management")
@SecurityRequirement(name = "bearerAuth")
public class ReleaseTracksResource {

    private final ReleaseTrackService tracks;
    private final CurrentMember member;
    private final ReorderMetrics reorderMetrics;

    public ReleaseTracksResource(ReleaseTrackService tracks, CurrentMember member, ReorderMetrics reorderMetrics) {
        this.tracks = tracks;
        this.member = member;
        this.reorderMetrics = reorderMetrics;
    }

    @GET
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseTrackListResponse")))
    public Uni<RestResponse<Reply<List<ReleaseTrackView>>>> tracks(@PathParam("id") String id,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return tracks.tracks(member.get(), ReleaseNotFound.parseId(id)).map(list -> list.map(Replies::data).read(ifNoneMatch));
    }

    @POST
    @RequestBody(content = @Content(schema = @Schema(ref = "ReleaseTrackCreate")))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(ref = "ReleaseTrackResponse")))
    public Uni<RestResponse<Reply<ReleaseTrackView>>> addTrack(@PathParam("id") String id, JsonNode body,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        TrackEdit edit = TrackEdit.forCreate(body, member.get().tenantId());
        return tracks.addTrack(member.get(), ReleaseNotFound.parseId(id), edit, IfMatch.parse(ifMatch))
                .map(added -> added.map(Replies.saying("Track added successfully")).created());
    }

    @PUT
    @Path("{trackId}")
    @RequestBody(content = @Content(schema = @Schema(ref = "ReleaseTrackUpdate")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseTrackResponse")))
    public Uni<RestResponse<Reply<ReleaseTrackView>>> updateTrack(@PathParam("id") String id,
            @PathParam("trackId") String trackId, JsonNode body,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        TrackEdit edit = TrackEdit.forUpdate(body, member.get().tenantId());
        return tracks
                .updateTrack(member.get(), ReleaseNotFound.parseId(id), ReleaseTrackNotFound.parseId(trackId), edit,
                        IfMatch.parse(ifMatch))
                .map(updated -> updated.map(Replies.saying("Track updated successfully")).ok());
    }

    @DELETE
    @Path("{trackId}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "MessageResponse")))
    public Uni<RestResponse<Reply<Void>>> removeTrack(@PathParam("id") String id, @PathParam("trackId") String trackId,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return tracks
                .removeTrack(member.get(), ReleaseNotFound.parseId(id), ReleaseTrackNotFound.parseId(trackId),
                        IfMatch.parse(ifMatch))
                .map(tag -> new Versioned<>(Replies.done("Track removed successfully"), tag).ok());
    }

    @POST
    @Path("reorder")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseTrackListResponse")))
    public Uni<RestResponse<Reply<List<ReleaseTrackView>>>> reorder(@PathParam("id") String id,
            TrackOrderRequest request,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        if (request == null) {
            throw TrackOrderRequest.notAnArrayOfIds();
        }
        // Timed around the service's transaction, as for collections.
        List<String> order = request.trackOrder();
        return reorderMetrics.record(Surface.RELEASES, order.size(),
                tracks.reorder(member.get(), ReleaseNotFound.parseId(id), order, IfMatch.parse(ifMatch)))
                .map(ordered -> ordered.map(Replies.saying("Tracks reordered successfully")).ok());
    }

    @POST
    @Path("move")
    @RequestBody(content = @Content(schema = @Schema(ref = "TrackMoveRequest")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseTrackListResponse")))
    public Uni<RestResponse<Reply<List<ReleaseTrackView>>>> move(@PathParam("id") String id, JsonNode body,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        MoveBody move = MoveBody.parse(body, ReleaseTrackService.MOVE_FIELDS, ReleaseTrackService.MAX_TRACKS,
                ReleaseTrackService::canonical);
        return tracks.move(member.get(), ReleaseNotFound.parseId(id), move, IfMatch.parse(ifMatch))
                .map(ordered -> ordered.map(Replies.saying("Tracks reordered successfully")).ok());
    }

    @GET
    @Path("history")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "TrackOrderHistoryResponse")))
    public Uni<Reply<TrackHistoryPage>> history(@PathParam("id") String id,
            @Parameter(ref = "page") @QueryParam("page") String page,
            @Parameter(ref = "release_limit") @QueryParam("limit") String limit) {
        Paging paging = Paging.parse(page, limit);
        return tracks.history(member.get(), ReleaseNotFound.parseId(id), paging).map(Replies::data);
    }

    @GET
    @Path("history/{revision}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "TrackOrderHistoryEntryResponse")))
    public Uni<Reply<TrackHistoryEntry>> historyEntry(@PathParam("id") String id,
            @PathParam("revision") String revision) {
        return tracks.historyEntry(member.get(), ReleaseNotFound.parseId(id), OrderHistory.revision(revision))
                .map(Replies::data);
    }

    @POST
    @Path("restore")
    @RequestBody(content = @Content(schema = @Schema(ref = "TrackRestoreRequest")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseTrackListResponse")))
    public Uni<RestResponse<Reply<List<ReleaseTrackView>>>> restore(@PathParam("id") String id, JsonNode body,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        long revision = RestoreBody.parse(body, false);
        return tracks.restore(member.get(), ReleaseNotFound.parseId(id), revision, IfMatch.parse(ifMatch))
                .map(ordered -> ordered.map(Replies.saying("Tracks reordered successfully")).ok());
    }
}
