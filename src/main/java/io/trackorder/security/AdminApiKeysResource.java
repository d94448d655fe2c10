package io.trackorder.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.smallrye.mutiny.Uni;
import io.trackorder.web.Ack;

@Path("/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "API key issuance for operators (not part of the seed API).")
@SecurityScheme(securitySchemeName = "adminToken", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = AccessFilter.ADMIN_TOKEN_HEADER, description = "The operator token from MUSIC_ADMIN_TOKEN.")
@SecurityRequirement(name = "adminToken")
public class AdminApiKeysResource {

    private final ApiKeyService apiKeys;

    public AdminApiKeysResource(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Issue an API key",
            description = "Creates a key for one user of one organization. The plaintext `api_key` appears in this "
                    + "response only; the service stores its SHA-256.")
    @APIResponse(responseCode = "201", description = "The new key, shown once.")
    public Uni<IssuedApiKey> issue(@Valid @NotNull NewApiKey request) {
        return apiKeys.issue(request);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke an API key", description = "The key stops working at once. Revoking twice is not an error.")
    @APIResponse(responseCode = "200", description = "Revoked.")
    public Uni<Ack> revoke(@PathParam("id") String id) {
        return apiKeys.revoke(id).map(done -> Ack.of(id, "API key revoked."));
    }
}
