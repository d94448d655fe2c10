package io.trackorder.releases;

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

    public ReleasesResource(ReleaseService releases, CurrentMember member) {
        this.releases = releases;
        this.member = member;
    }

    @POST
    @RequestBody(content = @Content(schema = @Schema(ref = "ReleaseCreate")))
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(ref = "ReleaseResponse")))
    public Uni<RestResponse<Reply<ReleaseView>>> create(JsonNode body) {
        return releases.create(member.get(), ReleaseEdit.forCreate(body, member.get().tenantId()))
                .map(created -> created.map(Replies.saying("Release created successfully")).created());
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
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return releases.get(member.get(), ReleaseNotFound.parseId(id))
                .map(release -> release.map(Replies::data).read(ifNoneMatch));
    }

    @PUT
    @Path("{id}")
    @RequestBody(content = @Content(schema = @Schema(ref = "ReleaseUpdate")))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseResponse")))
    public Uni<RestResponse<Reply<ReleaseView>>> update(@PathParam("id") String id, JsonNode body,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        ReleaseEdit edit = ReleaseEdit.forUpdate(body, member.get().tenantId());
        return releases.update(member.get(), ReleaseNotFound.parseId(id), edit, IfMatch.parse(ifMatch))
                .map(updated -> updated.map(Replies.saying("Release updated successfully")).ok());
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "MessageResponse")))
    public Uni<Reply<Void>> delete(@PathParam("id") String id,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return releases.delete(member.get(), ReleaseNotFound.parseId(id), IfMatch.parse(ifMatch))
                .replaceWith(Replies.done("Release deleted successfully"));
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD) // no body: a Royalti client sends no Content-Type, which must not be a 415
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseResponse")))
    public Uni<RestResponse<Reply<ReleaseView>>> submit(@PathParam("id") String id,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return releases.submit(member.get(), ReleaseNotFound.parseId(id), IfMatch.parse(ifMatch))
                .map(submitted -> submitted.map(Replies.saying("Release submitted for review successfully")).ok());
    }

    @POST
    @Path("{id}/review")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "ReleaseResponse")))
    public Uni<RestResponse<Reply<ReleaseView>>> review(@PathParam("id") String id, ReviewRequest request,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return releases
                .review(member.get(), ReleaseNotFound.parseId(id), request, IfMatch.parse(ifMatch)).map(reviewed -> reviewed
                        .map(
                                Replies.saying(ReleaseStatus.of(reviewed.body().status()) == ReleaseStatus.APPROVED
                                        ? "Release approved successfully"
                                        : "Release rejected successfully"))
                        .ok());
    }
}
