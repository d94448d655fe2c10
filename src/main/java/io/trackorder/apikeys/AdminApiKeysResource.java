package io.trackorder.apikeys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.smallrye.mutiny.Uni;
import io.trackorder.web.Ack;

@Path("/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin")
@SecurityRequirement(name = "adminToken")
public class AdminApiKeysResource {

    private final ApiKeyService apiKeys;

    public AdminApiKeysResource(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @POST
    @ResponseStatus(201)
    @APIResponseSchema(value = IssuedApiKey.class, responseCode = "201")
    public Uni<IssuedApiKey> issue(@Valid @NotNull NewApiKey request) {
        return apiKeys.issue(request);
    }

    @DELETE
    @Path("{id}")
    public Uni<Ack> revoke(@PathParam("id") String id) {
        return apiKeys.revoke(id).map(done -> Ack.of(id, "API key revoked."));
    }
}
