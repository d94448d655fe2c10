package io.trackorder.collections;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
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
import io.trackorder.security.CurrentCaller;
import io.trackorder.web.Ack;
import io.trackorder.web.IfMatch;
import io.trackorder.web.Page;
import io.trackorder.web.PageRequest;
import io.trackorder.web.Versioned;

@Path("/v1/music/{organization_id}/collections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Collections", description = "Collections (playlists) private to their owner, and their track order.")
@SecurityRequirement(name = "apiKey")
public class CollectionsResource {

    private final CollectionService collections;
    private final CurrentCaller caller;
    private final ReorderMetrics reorderMetrics;

    public CollectionsResource(CollectionService collections, CurrentCaller caller, ReorderMetrics reorderMetrics) {
        this.collections = collections;
        this.caller = caller;
        this.reorderMetrics = reorderMetrics;
    }

    @POST
    @Operation(summary = "Create a collection", description = "`name` is required. Starts empty at revision 0.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT, requiredProperties = "name"),
            examples = @ExampleObject(name = "create", value = "{\"name\": \"Road trip\", \"description\": null}")))
    @APIResponse(responseCode = "201", description = "The new collection.",
            content = @Content(schema = @Schema(implementation = CollectionView.class)))
    public Uni<RestResponse<CollectionView>> create(JsonNode body) {
        return collections.create(caller.get(), CollectionEdit.forCreate(body)).map(Versioned::created);
    }

    @GET
    @Operation(summary = "List collections", description = "The caller's collections, newest first; `track_count` is null here.")
    @APIResponse(responseCode = "200", description = "A page of collections: `{items, limit, offset}`.")
    public Uni<Page<CollectionView>> list(
            @Parameter(description = "1-100, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "0 or more, default 0") @QueryParam("offset") String offset) {
        PageRequest page = PageRequest.parse(limit, offset, 50, 100);
        return collections.list(caller.get(), page).map(items -> Page.of(items, page));
    }

    @GET
    @Path("{collection_id}")
    @Operation(summary = "Get a collection")
    @APIResponse(responseCode = "200", description = "The collection with `track_count`.")
    public Uni<RestResponse<CollectionView>> get(@PathParam("collection_id") String collectionId,
            @HeaderParam("If-None-Match") @Parameter(description = Versioned.IF_NONE_MATCH_DESCRIPTION) String ifNoneMatch) {
        return collections.get(caller.get(), collectionId).map(collection -> collection.read(ifNoneMatch));
    }

    @PATCH
    @Path("{collection_id}")
    @Operation(summary = "Update a collection",
            description = "Partial update: an absent field stays as it is, an explicit null clears a nullable field "
                    + "(`name` cannot be null). Does not change `revision`.")
    @RequestBody(content = @Content(schema = @Schema(type = SchemaType.OBJECT),
            examples = @ExampleObject(name = "rename", value = "{\"name\": \"Night drive\", \"cover_image_url\": null}")))
    @APIResponse(responseCode = "200", description = "The updated collection.",
            content = @Content(schema = @Schema(implementation = CollectionView.class)))
    public Uni<RestResponse<CollectionView>> update(@PathParam("collection_id") String collectionId, JsonNode body,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        return collections.update(caller.get(), collectionId, CollectionEdit.forUpdate(body), IfMatch.parse(ifMatch))
                .map(Versioned::ok);
    }

    @DELETE
    @Path("{collection_id}")
    @Operation(summary = "Delete a collection", description = "Soft delete: afterwards the collection is 404 everywhere; its tracks are untouched.")
    @APIResponse(responseCode = "200", description = "Deleted.")
    public Uni<Ack> delete(@PathParam("collection_id") String collectionId,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        return collections.delete(caller.get(), collectionId, IfMatch.parse(ifMatch))
                .replaceWith(Ack.of(collectionId, "Collection deleted."));
    }

    @GET
    @Path("{collection_id}/tracks")
    @Operation(summary = "List a collection's tracks", description = "In position order.")
    @APIResponse(responseCode = "200", description = "`{collection_id, items: [{track_id, position, added_at}], limit, offset}`.")
    public Uni<RestResponse<MembersPage>> members(@PathParam("collection_id") String collectionId,
            @Parameter(description = "1-500, default 200") @QueryParam("limit") String limit,
            @Parameter(description = "0 or more, default 0") @QueryParam("offset") String offset,
            @HeaderParam("If-None-Match") @Parameter(description = Versioned.IF_NONE_MATCH_DESCRIPTION) String ifNoneMatch) {
        return collections.members(caller.get(), collectionId, PageRequest.parse(limit, offset, 200, 500))
                .map(page -> page.read(ifNoneMatch));
    }

    @POST
    @Path("{collection_id}/tracks")
    @Operation(summary = "Add a track to a collection",
            description = "Appends at the end. Adding a member again is a 200 that changes nothing. A track that is "
                    + "missing or of another organization is 404 (`details.track_id`); a collection of 10,000 tracks "
                    + "is full (422 `COLLECTION_FULL`).")
    @APIResponse(responseCode = "200", description = "Added (or already a member).")
    public Uni<RestResponse<Ack>> add(@PathParam("collection_id") String collectionId, @Valid @NotNull AddMember request,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        return collections.add(caller.get(), collectionId, request.trackId(), IfMatch.parse(ifMatch))
                .map(tag -> new Versioned<>(Ack.of(request.trackId(), "Track added to collection."), tag).ok());
    }

    @DELETE
    @Path("{collection_id}/tracks/{track_id}")
    @Operation(summary = "Remove a track from a collection",
            description = "The tracks after it move up one position. Removing a non-member is a 200 that changes nothing.")
    @APIResponse(responseCode = "200", description = "Removed (or was not a member).")
    public Uni<RestResponse<Ack>> remove(@PathParam("collection_id") String collectionId,
            @PathParam("track_id") String trackId,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        return collections.remove(caller.get(), collectionId, trackId, IfMatch.parse(ifMatch))
                .map(tag -> new Versioned<>(Ack.of(trackId, "Track removed from collection."), tag).ok());
    }

    @PATCH
    @Path("{collection_id}/order")
    @Operation(summary = "Reorder a collection",
            description = """
                    Each listed track moves to its index in `ordered_track_ids` (zero-based); tracks not listed follow, \
                    in their previous relative order. Ids that are not in the collection are ignored. Positions stay \
                    dense (0 … n−1). An empty list, or one that produces the current order, writes nothing and keeps \
                    the revision. At most 10,000 ids; the same id twice is 422 (`details.duplicate_ids`). Atomic and \
                    serialized per collection; one SQL statement writes the new positions, whatever the length.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReorderRequest.class),
            examples = @ExampleObject(name = "seed",
                    value = "{ \"ordered_track_ids\": [\"mtrack_1b9c4e7f2a6d\", \"mtrack_8d2e1f6a3c9b\"] }")))
    @APIResponse(responseCode = "200", description = "Reordered.", content = @Content(
            schema = @Schema(implementation = Ack.class),
            examples = @ExampleObject(name = "seed",
                    value = "{\"success\": true, \"id\": \"mcoll_4a1f9c7e2b8d\", \"detail\": \"Collection reordered.\"}")))
    public Uni<RestResponse<Ack>> reorder(@PathParam("collection_id") String collectionId, ReorderRequest request,
            @HeaderParam(IfMatch.HEADER) @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        if (request == null) {
            throw ReorderRequest.notAnArrayOfIds();
        }
        // Timed here, around the service's transaction: the service's own Uni starts after the session
        // has its connection and ends before the commit.
        List<String> order = request.orderedTrackIds();
        return reorderMetrics.record(Surface.COLLECTIONS, order.size(),
                collections.reorder(caller.get(), collectionId, order, IfMatch.parse(ifMatch)))
                .map(tag -> new Versioned<>(Ack.of(collectionId, "Collection reordered."), tag).ok());
    }
}
