package io.trackorder.releases;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

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
import io.trackorder.catalog.Uuids;
import io.trackorder.conditional.IfMatch;
import io.trackorder.conditional.Versioned;
import io.trackorder.errors.ApiException;
import io.trackorder.ordering.ReorderMetrics;
import io.trackorder.ordering.ReorderMetrics.Surface;
import io.trackorder.releases.Replies.Reply;
import io.trackorder.security.CurrentMember;

@Path("/releases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Releases")
@SecurityRequirement(name = "bearerAuth")
public class ReleasesResource {

    private final ReleaseService releases;
    private final CurrentMember member;
    private final ReorderMetrics reorderMetrics;

    public ReleasesResource(ReleaseService releases, CurrentMember member, ReorderMetrics reorderMetrics) {
        this.releases = releases;
        this.member = member;
        this.reorderMetrics = reorderMetrics;
    }

    @POST
    @RequestBody(content = @Content(schema = @Schema(ref = "ReleaseCreate")))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(ref = "ReleaseResponse")))
    public Uni<RestResponse<Reply<ReleaseView>>> create(JsonNode body) {
        return releases.create(member.get(), ReleaseEdit.forCreate(body, member.get().tenantId()))
                .map(created -> created.map(done("Release created successfully")).created());
    }

    @GET
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseListResponse")))
    public Uni<Reply<Replies.ReleasePage>> list(@Parameter(ref = "release_status") @QueryParam("status") String status,
            @Parameter(ref = "release_format") @QueryParam("format") String format,
            @Parameter(ref = "release_type") @QueryParam("type") String type,
            @Parameter(ref = "search") @QueryParam("search") String search,
            @Parameter(ref = "page") @QueryParam("page") String page,
            @Parameter(ref = "release_limit") @QueryParam("limit") String limit) {
        ReleaseQuery query = ReleaseQuery.parse(status, format, type, search, page, limit);
        return releases.list(member.get(), query).map(Replies::data);
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseResponse")))
    public Uni<RestResponse<Reply<ReleaseView>>> get(@PathParam("id") String id,
            @HeaderParam("If-None-Match") @Parameter(description = Versioned.IF_NONE_MATCH_DESCRIPTION) String ifNoneMatch) {
        return releases.get(member.get(), releaseId(id)).map(release -> release.map(Replies::data).read(ifNoneMatch));
    }

    @PUT
    @Path("{id}")
    @RequestBody(content = @Content(schema = @Schema(ref = "ReleaseUpdate")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseResponse")))
    public Uni<RestResponse<Reply<ReleaseView>>> update(@PathParam("id") String id, JsonNode body,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        ReleaseEdit edit = ReleaseEdit.forUpdate(body, member.get().tenantId());
        return releases.update(member.get(), releaseId(id), edit, IfMatch.parse(ifMatch))
                .map(updated -> updated.map(done("Release updated successfully")).ok());
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "MessageResponse")))
    public Uni<Reply<Void>> delete(@PathParam("id") String id,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        return releases.delete(member.get(), releaseId(id), IfMatch.parse(ifMatch))
                .replaceWith(Replies.done("Release deleted successfully"));
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD) // no body: a seed client sends no Content-Type, which must not be a 415
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseResponse")))
    public Uni<RestResponse<Reply<ReleaseView>>> submit(@PathParam("id") String id,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        return releases.submit(member.get(), releaseId(id), IfMatch.parse(ifMatch))
                .map(submitted -> submitted.map(done("Release submitted for review successfully")).ok());
    }

    @POST
    @Path("{id}/review")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseResponse")))
    public Uni<RestResponse<Reply<ReleaseView>>> review(@PathParam("id") String id, ReviewRequest request,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        return releases.review(member.get(), releaseId(id), request, IfMatch.parse(ifMatch)).map(reviewed -> reviewed.map(
                done(ReleaseStatus.of(reviewed.body().status()) == ReleaseStatus.APPROVED
                        ? "Release approved successfully"
                        : "Release rejected successfully"))
                .ok());
    }

    @GET
    @Path("{id}/tracks")
    @Tag(name = "Track Management")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseTrackListResponse")))
    public Uni<RestResponse<Reply<List<ReleaseTrackView>>>> tracks(@PathParam("id") String id,
            @HeaderParam("If-None-Match") @Parameter(description = Versioned.IF_NONE_MATCH_DESCRIPTION) String ifNoneMatch) {
        return releases.tracks(member.get(), releaseId(id)).map(list -> list.map(Replies::data).read(ifNoneMatch));
    }

    @POST
    @Path("{id}/tracks")
    @Tag(name = "Track Management")
    @RequestBody(content = @Content(schema = @Schema(ref = "ReleaseTrackCreate")))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(ref = "ReleaseTrackResponse")))
    public Uni<RestResponse<Reply<ReleaseTrackView>>> addTrack(@PathParam("id") String id, JsonNode body,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        TrackEdit edit = TrackEdit.forCreate(body, member.get().tenantId());
        return releases.addTrack(member.get(), releaseId(id), edit, IfMatch.parse(ifMatch))
                .map(added -> added.map(done("Track added successfully")).created());
    }

    @PUT
    @Path("{id}/tracks/{trackId}")
    @Tag(name = "Track Management")
    @RequestBody(content = @Content(schema = @Schema(ref = "ReleaseTrackUpdate")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseTrackResponse")))
    public Uni<RestResponse<Reply<ReleaseTrackView>>> updateTrack(@PathParam("id") String id,
            @PathParam("trackId") String trackId, JsonNode body,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        TrackEdit edit = TrackEdit.forUpdate(body, member.get().tenantId());
        return releases.updateTrack(member.get(), releaseId(id), trackId(trackId), edit, IfMatch.parse(ifMatch))
                .map(updated -> updated.map(done("Track updated successfully")).ok());
    }

    @DELETE
    @Path("{id}/tracks/{trackId}")
    @Tag(name = "Track Management")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "MessageResponse")))
    public Uni<RestResponse<Reply<Void>>> removeTrack(@PathParam("id") String id, @PathParam("trackId") String trackId,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        return releases.removeTrack(member.get(), releaseId(id), trackId(trackId), IfMatch.parse(ifMatch))
                .map(tag -> new Versioned<>(Replies.done("Track removed successfully"), tag).ok());
    }

    @POST
    @Path("{id}/tracks/reorder")
    @Tag(name = "Track Management")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseTrackListResponse")))
    public Uni<RestResponse<Reply<List<ReleaseTrackView>>>> reorder(@PathParam("id") String id,
            TrackOrderRequest request,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        if (request == null) {
            throw TrackOrderRequest.notAnArrayOfIds();
        }
        // Timed around the service's transaction, as for collections.
        List<String> order = request.trackOrder();
        return reorderMetrics.record(Surface.RELEASES, order.size(),
                releases.reorder(member.get(), releaseId(id), order, IfMatch.parse(ifMatch)))
                .map(ordered -> ordered.map(done("Tracks reordered successfully")).ok());
    }

    /** Wraps a result in a success reply with a message. */
    private static <T> Function<T, Reply<T>> done(String message) {
        return data -> Replies.done(message, data);
    }

    /** An id that is not a UUID names no release: 404, like any other release outside the caller's view. */
    private static UUID releaseId(String id) {
        return uuidOr(id, ReleaseNotFound::new);
    }

    private static UUID trackId(String id) {
        return uuidOr(id, ReleaseTrackNotFound::new);
    }

    private static UUID uuidOr(String id, Supplier<ApiException> notFound) {
        UUID parsed = Uuids.parse(id);
        if (parsed == null) {
            throw notFound.get();
        }
        return parsed;
    }
}
