package io.trackorder.apikeys;

import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;
import io.trackorder.MusicConfig;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;
import io.trackorder.web.RequestRoute;
import io.trackorder.web.Surface;
import io.vertx.core.http.HttpServerRequest;

/**
 * Admits requests of the Collections API ({@code X-API-Key}, organization in the path) and of
 * {@code /admin} ({@code X-Admin-Token}); requests of other surfaces pass through untouched.
 */
public class AccessFilter {

    static final String API_KEY_HEADER = "X-API-Key";
    static final String ADMIN_TOKEN_HEADER = "X-Admin-Token";

    private final ApiKeyService apiKeys;
    private final CurrentCaller currentCaller;
    private final MusicConfig config;
    private final Secrets secrets;

    public AccessFilter(ApiKeyService apiKeys, CurrentCaller currentCaller, MusicConfig config, Secrets secrets) {
        this.apiKeys = apiKeys;
        this.currentCaller = currentCaller;
        this.config = config;
        this.secrets = secrets;
    }

    @ServerRequestFilter
    public Uni<Void> admit(ContainerRequestContext request, HttpServerRequest http) {
        Surface surface = RequestRoute.of(http).surface();
        if (surface == Surface.COLLECTIONS) {
            String organization = request.getUriInfo().getPathParameters().getFirst("organization_id");
            return apiKeys.authenticate(request.getHeaderString(API_KEY_HEADER))
                    .invoke(caller -> {
                        if (!caller.organizationId().equals(organization)) {
                            throw new ApiException(ErrorCode.ORGANIZATION_ACCESS_DENIED,
                                    "The API key does not belong to this organization",
                                    Map.of("organization_id", String.valueOf(organization)));
                        }
                        currentCaller.set(caller);
                    })
                    .replaceWithVoid();
        }
        if (surface == Surface.ADMIN) {
            String expected = config.admin().configuredToken().orElse(null);
            if (!secrets.sameSecret(expected, request.getHeaderString(ADMIN_TOKEN_HEADER))) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.AUTHENTICATION_REQUIRED,
                        "Missing or invalid admin token"));
            }
        }
        return Uni.createFrom().voidItem();
    }
}
