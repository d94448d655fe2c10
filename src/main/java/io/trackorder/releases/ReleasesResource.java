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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.trackorder.ordering.ReorderMetrics;
import io.trackorder.ordering.ReorderMetrics.Surface;
import io.trackorder.releases.Replies.Reply;
import io.trackorder.security.CurrentMember;
import io.trackorder.web.ApiException;
import io.trackorder.web.IfMatch;
import io.trackorder.web.Versioned;

@Path("/releases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Releases", description = "Releases of a workspace and their review workflow.")
@SecurityRequirement(name = "bearerAuth")
public class ReleasesResource {

    static final String RELEASE_EXAMPLE = """
            {"title": "Night Drive", "displayArtist": "Bally Jhay", "artists": {"Bally Jhay": "primary"}, \
            "format": "EP", "type": "Audio", "releaseDate": "2026-09-01", "mainGenre": ["Pop"], \
            "metadata": {"upc": "123456789012"}, "tracks": [{"title": "Intro", "isrc": "USABC2600001"}]}""";

    private final ReleaseService releases;
    private final CurrentMember member;
    private final ReorderMetrics reorderMetrics;

    public ReleasesResource(ReleaseService releases, CurrentMember member, ReorderMetrics reorderMetrics) {
        this.releases = releases;
        this.member = member;
        this.reorderMetrics = reorderMetrics;
    }

    @POST
    @Operation(summary = "Create a release", description = """
            A new `draft` owned by the caller. `title` and `displayArtist` are required. `artists` may be a map \
            `{"Artist Name": "primary"}` or an array `[{artistName, type}]`; each artist gets an id that is the same \
            for the name everywhere in the workspace. `tracks`, if given, are numbered 1…n in the order given (at most \
            1,000). Fields the API sets itself (`id`, `status`, `TenantId`, …) and unknown fields are ignored.""")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = { "title", "displayArtist" }),
            examples = @ExampleObject(name = "create", value = RELEASE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "`{success, message: \"Release created successfully\", data: Release}`")
    public Uni<RestResponse<Reply<ReleaseView>>> create(JsonNode body) {
        return releases.create(member.get(), ReleaseEdit.forCreate(body, member.get().tenantId()))
                .map(created -> created.map(done("Release created successfully")).created());
    }

    @GET
    @Operation(summary = "List releases", description = """
            Newest first, without tracks. A workspace admin sees every release of the workspace; anyone else sees \
            their own. `search` matches title, displayArtist and description, case-insensitively.""")
    @APIResponse(responseCode = "200", description = "`{success, data: {releases: [Release], pagination: {page, limit, total, totalPages}}}`")
    public Uni<Reply<Replies.ReleasePage>> list(
            @Parameter(description = "draft, submitted, under_review, approved, rejected or completed") @QueryParam("status") String status,
            @Parameter(description = "Single, EP, Album, Mixtape or Compilation") @QueryParam("format") String format,
            @Parameter(description = "Audio, Video or Audiovisual") @QueryParam("type") String type,
            @Parameter(description = "Text to find in title, displayArtist or description") @QueryParam("search") String search,
            @Parameter(description = "1 or more, default 1") @QueryParam("page") String page,
            @Parameter(description = "1-100, default 20") @QueryParam("limit") String limit) {
        ReleaseQuery query = ReleaseQuery.parse(status, format, type, search, page, limit);
        return releases.list(member.get(), query).map(Replies::data);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a release", description = "With its tracks, by trackNumber.")
    @APIResponse(responseCode = "200", description = "`{success, data: Release}`")
    public Uni<RestResponse<Reply<ReleaseView>>> get(@PathParam("id") String id, @HeaderParam("If-None-Match") @Parameter(description = Versioned.IF_NONE_MATCH_DESCRIPTION) String ifNoneMatch) {
        return releases.get(member.get(), releaseId(id)).map(release -> release.map(Replies::data).read(ifNoneMatch));
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Update a release", description = """
            Partial: an absent field stays as it is, an explicit null clears a nullable one. Tracks change through \
            the track endpoints. Only in `draft` or `rejected` status (else 400). Does not change `revision`.""")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "retitle", value = "{\"title\": \"Night Drive (Deluxe)\", \"label\": null}")))
    @APIResponse(responseCode = "200", description = "`{success, message: \"Release updated successfully\", data: Release}`")
    public Uni<RestResponse<Reply<ReleaseView>>> update(@PathParam("id") String id, JsonNode body, @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        ReleaseEdit edit = ReleaseEdit.forUpdate(body, member.get().tenantId());
        return releases.update(member.get(), releaseId(id), edit, IfMatch.parse(ifMatch))
                .map(updated -> updated.map(done("Release updated successfully")).ok());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a release", description = "With its tracks. Only in `draft` or `rejected` status (else 400).")
    @APIResponse(responseCode = "200", description = "`{success, message: \"Release deleted successfully\"}`")
    public Uni<Reply<Void>> delete(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        return releases.delete(member.get(), releaseId(id), IfMatch.parse(ifMatch))
                .replaceWith(Replies.done("Release deleted successfully"));
    }

    @POST
    @Path("{id}/submit")
    @Consumes(MediaType.WILDCARD) // no body: a seed client sends no Content-Type, which must not be a 415
    @Operation(summary = "Submit a release for review",
            description = "`draft` or `rejected` → `submitted`; the release needs at least one track (else 400).")
    @APIResponse(responseCode = "200", description = "`{success, message: \"Release submitted for review successfully\", data: Release}`")
    public Uni<RestResponse<Reply<ReleaseView>>> submit(@PathParam("id") String id, @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        return releases.submit(member.get(), releaseId(id), IfMatch.parse(ifMatch))
                .map(submitted -> submitted.map(done("Release submitted for review successfully")).ok());
    }

    @POST
    @Path("{id}/review")
    @Operation(summary = "Review a submitted release", description = """
            Workspace admins only (else 403). `approve` → `approved`; `reject` → `rejected` and needs `feedback`, \
            which the owner sees on the release. Only a `submitted` (or `under_review`) release can be reviewed.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReviewRequest.class),
            examples = @ExampleObject(name = "reject", value = "{\"action\": \"reject\", \"feedback\": \"Cover art is missing\"}")))
    @APIResponse(responseCode = "200", description = "`{success, message: \"Release approved successfully\" | \"Release rejected successfully\", data: Release}`")
    public Uni<RestResponse<Reply<ReleaseView>>> review(@PathParam("id") String id, ReviewRequest request, @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        return releases.review(member.get(), releaseId(id), request, IfMatch.parse(ifMatch)).map(reviewed -> reviewed.map(
                done(ReleaseStatus.of(reviewed.body().status()) == ReleaseStatus.APPROVED
                        ? "Release approved successfully" : "Release rejected successfully")).ok());
    }

    @GET
    @Path("{id}/tracks")
    @Tag(name = "Track Management")
    @Operation(summary = "List a release's tracks", description = "By trackNumber.")
    @APIResponse(responseCode = "200", description = "`{success, data: [ReleaseTrack]}`")
    public Uni<RestResponse<Reply<List<ReleaseTrackView>>>> tracks(@PathParam("id") String id, @HeaderParam("If-None-Match") @Parameter(description = Versioned.IF_NONE_MATCH_DESCRIPTION) String ifNoneMatch) {
        return releases.tracks(member.get(), releaseId(id)).map(list -> list.map(Replies::data).read(ifNoneMatch));
    }

    @POST
    @Path("{id}/tracks")
    @Tag(name = "Track Management")
    @Operation(summary = "Add a track", description = """
            Appended after the last track. `title` is required; `displayArtist` defaults to the release's. `isrc` \
            (ISO 3901, e.g. `USABC1234567`, hyphens allowed) and `iswc` (e.g. `T-123456789-0`) are checked and stored \
            in canonical form. `media` must be empty or absent: media are not stored yet. Only in `draft` or \
            `rejected` status (else 400); at most 1,000 tracks.""")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "title"),
            examples = @ExampleObject(name = "track", value = """
                    {"title": "My Track Title", "version": "Radio Edit", "isrc": "USABC1234567", "duration": 213.5, \
                    "language": "en", "artists": [{"artistName": "John Doe", "type": "primary"}], \
                    "contributors": {"producer": ["Producer Name"]}, "explicit": "clean"}""")))
    @APIResponse(responseCode = "201", description = "`{success, message: \"Track added successfully\", data: ReleaseTrack}`")
    public Uni<RestResponse<Reply<ReleaseTrackView>>> addTrack(@PathParam("id") String id, JsonNode body, @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        TrackEdit edit = TrackEdit.forCreate(body, member.get().tenantId());
        return releases.addTrack(member.get(), releaseId(id), edit, IfMatch.parse(ifMatch))
                .map(added -> added.map(done("Track added successfully")).created());
    }

    @PUT
    @Path("{id}/tracks/{trackId}")
    @Tag(name = "Track Management")
    @Operation(summary = "Update a track", description = """
            Partial, as for releases; `trackNumber` changes only through reorder. Only in `draft` or `rejected` status.""")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "isrc", value = "{\"isrc\": \"USABC1234567\", \"lyrics\": null}")))
    @APIResponse(responseCode = "200", description = "`{success, message: \"Track updated successfully\", data: ReleaseTrack}`")
    public Uni<RestResponse<Reply<ReleaseTrackView>>> updateTrack(@PathParam("id") String id,
            @PathParam("trackId") String trackId, JsonNode body, @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        TrackEdit edit = TrackEdit.forUpdate(body, member.get().tenantId());
        return releases.updateTrack(member.get(), releaseId(id), trackId(trackId), edit, IfMatch.parse(ifMatch))
                .map(updated -> updated.map(done("Track updated successfully")).ok());
    }

    @DELETE
    @Path("{id}/tracks/{trackId}")
    @Tag(name = "Track Management")
    @Operation(summary = "Remove a track", description = "The tracks after it move up one number. Only in `draft` or `rejected` status.")
    @APIResponse(responseCode = "200", description = "`{success, message: \"Track removed successfully\"}`")
    public Uni<RestResponse<Reply<Void>>> removeTrack(@PathParam("id") String id, @PathParam("trackId") String trackId,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        return releases.removeTrack(member.get(), releaseId(id), trackId(trackId), IfMatch.parse(ifMatch))
                .map(tag -> new Versioned<>(Replies.done("Track removed successfully"), tag).ok());
    }

    @POST
    @Path("{id}/tracks/reorder")
    @Tag(name = "Track Management")
    @Operation(summary = "Reorder Release Tracks", description = """
            The listed tracks take `trackNumber` 1…k in the order given; the others follow in their previous \
            relative order. Every id must be a track of this release and appear once (else 400, naming the ids); \
            at most 1,000 ids. An empty list, or the current order, changes nothing. Only releases in `draft` or \
            `rejected` status can have tracks reordered (else 400). Atomic and serialized per release; one SQL \
            statement writes the new numbers. `revision` goes up by one when the order changes.""")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TrackOrderRequest.class),
            examples = @ExampleObject(name = "reorder", value = """
                    {"trackOrder": ["660e8400-e29b-41d4-a716-446655441111", "550e8400-e29b-41d4-a716-446655440000"]}""")))
    @APIResponse(responseCode = "200", description = "`{success, message: \"Tracks reordered successfully\", data: [ReleaseTrack]}`")
    public Uni<RestResponse<Reply<List<ReleaseTrackView>>>> reorder(@PathParam("id") String id,
            TrackOrderRequest request, @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
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
