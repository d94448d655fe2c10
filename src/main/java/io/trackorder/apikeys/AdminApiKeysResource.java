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
    private final VerifiedKeys verified;

    public AdminApiKeysResource(ApiKeyService apiKeys, VerifiedKeys verified) {
        this.apiKeys = apiKeys;
        this.verified = verified;
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
        // Committed by now. The trigger's notice drops the key on every replica within moments; this
        // replica drops it before answering, so the revoker's very next call is refused.
        return apiKeys.revoke(id).map(keyHash -> {
            verified.revoked(keyHash);
            return Ack.of(id, "API key revoked.");
        });
    }
}
