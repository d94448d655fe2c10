package io.trackorder.collections;

import java.util.List;
import java.util.function.UnaryOperator;

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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import io.trackorder.apikeys.CurrentCaller;
import io.trackorder.conditional.IfMatch;
import io.trackorder.conditional.Versioned;
import io.trackorder.ordering.MoveBody;
import io.trackorder.ordering.OrderHistory;
import io.trackorder.ordering.ReorderMetrics;
import io.trackorder.ordering.ReorderMetrics.Surface;
import io.trackorder.ordering.RestoreBody;
import io.trackorder.web.Ack;
import io.trackorder.web.Page;
import io.trackorder.web.PageRequest;

@Path("/v1/music/{organization_id}/collections")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Collections")
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
    @RequestBody(content = @Content(schema = @Schema(ref = "CollectionCreate")))
    @APIResponseSchema(value = CollectionView.class, responseCode = "201")
    public Uni<RestResponse<CollectionView>> create(JsonNode body) {
        return collections.create(caller.get(), CollectionEdit.forCreate(body)).map(Versioned::created);
    }

    @GET
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "CollectionPage")))
    public Uni<Page<CollectionView>> list(@Parameter(ref = "limit") @QueryParam("limit") String limit,
            @Parameter(ref = "offset") @QueryParam("offset") String offset) {
        PageRequest page = PageRequest.parse(limit, offset, PageRequest.DEFAULT_LIMIT, PageRequest.MAX_LIMIT);
        return collections.list(caller.get(), page).map(items -> Page.of(items, page));
    }

    @GET
    @Path("{collection_id}")
    public Uni<RestResponse<CollectionView>> get(@PathParam("collection_id") String collectionId,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return collections.get(caller.get(), collectionId).map(collection -> collection.read(ifNoneMatch));
    }

    @PATCH
    @Path("{collection_id}")
    @RequestBody(content = @Content(schema = @Schema(ref = "CollectionUpdate")))
    public Uni<RestResponse<CollectionView>> update(@PathParam("collection_id") String collectionId, JsonNode body,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return collections.update(caller.get(), collectionId, CollectionEdit.forUpdate(body), IfMatch.parse(ifMatch))
                .map(Versioned::ok);
    }

    @DELETE
    @Path("{collection_id}")
    public Uni<Ack> delete(@PathParam("collection_id") String collectionId,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return collections.delete(caller.get(), collectionId, IfMatch.parse(ifMatch))
                .replaceWith(Ack.of(collectionId, "Collection deleted."));
    }

    @GET
    @Path("{collection_id}/tracks")
    public Uni<RestResponse<MembersPage>> members(@PathParam("collection_id") String collectionId,
            @Parameter(ref = "member_limit") @QueryParam("limit") String limit,
            @Parameter(ref = "offset") @QueryParam("offset") String offset,
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        return collections.members(caller.get(), collectionId, PageRequest.parse(limit, offset, 200, 500))
                .map(page -> page.read(ifNoneMatch));
    }

    @POST
    @Path("{collection_id}/tracks")
    public Uni<RestResponse<Ack>> add(@PathParam("collection_id") String collectionId, @Valid @NotNull AddMember request,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return collections.add(caller.get(), collectionId, request.trackId(), IfMatch.parse(ifMatch))
                .map(tag -> new Versioned<>(Ack.of(request.trackId(), "Track added to collection."), tag).ok());
    }

    @DELETE
    @Path("{collection_id}/tracks/{track_id}")
    public Uni<RestResponse<Ack>> remove(@PathParam("collection_id") String collectionId,
            @PathParam("track_id") String trackId,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        return collections.remove(caller.get(), collectionId, trackId, IfMatch.parse(ifMatch))
                .map(tag -> new Versioned<>(Ack.of(trackId, "Track removed from collection."), tag).ok());
    }

    @PATCH
    @Path("{collection_id}/order")
    public Uni<RestResponse<Ack>> reorder(@PathParam("collection_id") String collectionId, ReorderRequest request,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
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

    @POST
    @Path("{collection_id}/order/moves")
    @RequestBody(content = @Content(schema = @Schema(ref = "CollectionMoveRequest")))
    public Uni<RestResponse<Ack>> move(@PathParam("collection_id") String collectionId, JsonNode body,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        MoveBody move = MoveBody.parse(body, CollectionService.MOVE_FIELDS, CollectionService.MAX_TRACKS,
                UnaryOperator.identity());
        return collections.move(caller.get(), collectionId, move, IfMatch.parse(ifMatch))
                .map(tag -> new Versioned<>(Ack.of(collectionId, "Collection reordered."), tag).ok());
    }

    @GET
    @Path("{collection_id}/order/history")
    public Uni<HistoryPage> history(@PathParam("collection_id") String collectionId,
            @Parameter(ref = "history_limit") @QueryParam("limit") String limit,
            @Parameter(ref = "offset") @QueryParam("offset") String offset) {
        return collections.history(caller.get(), collectionId, PageRequest.parse(limit, offset, 20, 100));
    }

    @GET
    @Path("{collection_id}/order/history/{revision}")
    public Uni<HistoryEntryView> historyEntry(@PathParam("collection_id") String collectionId,
            @PathParam("revision") String revision) {
        return collections.historyEntry(caller.get(), collectionId, OrderHistory.revision(revision));
    }

    @POST
    @Path("{collection_id}/order/restore")
    @RequestBody(content = @Content(schema = @Schema(ref = "CollectionRestoreRequest")))
    public Uni<RestResponse<Ack>> restore(@PathParam("collection_id") String collectionId, JsonNode body,
            @HeaderParam(IfMatch.HEADER) String ifMatch) {
        long revision = RestoreBody.parse(body, true);
        return collections.restore(caller.get(), collectionId, revision, IfMatch.parse(ifMatch))
                .map(tag -> new Versioned<>(Ack.of(collectionId, "Collection order restored."), tag).ok());
    }
}
