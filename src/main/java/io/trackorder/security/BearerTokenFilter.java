package io.trackorder.security;

import java.util.Set;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.trackorder.web.ApiException;
import io.trackorder.web.ErrorCode;
import io.trackorder.web.RequestRoute;
import io.trackorder.web.Surface;
import io.vertx.core.http.HttpServerRequest;

/**
 * Admits requests of the Releases API: a bearer JWT, verified by smallrye-jwt as the
 * {@code mp.jwt.verify.*} settings say (RS256, {@code exp}, issuer when configured), that names a
 * user and an active workspace. Requests of other surfaces pass through untouched; authentication is
 * not proactive, so a bearer header on the Collections API is never even looked at.
 */
public class BearerTokenFilter {

    private static final int MAX_CLAIM_LENGTH = 128;
    private static final String ADMIN = "admin";

    private final CurrentIdentityAssociation identities;
    private final Workspaces workspaces;
    private final CurrentMember currentMember;

    public BearerTokenFilter(CurrentIdentityAssociation identities, Workspaces workspaces, CurrentMember currentMember) {
        this.identities = identities;
        this.workspaces = workspaces;
        this.currentMember = currentMember;
    }

    @ServerRequestFilter
    public Uni<Void> admit(HttpServerRequest request) {
        if (RequestRoute.of(request).surface() != Surface.RELEASES) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                .onFailure(failure -> failure instanceof AuthenticationException).transform(e -> unauthorized("The token is invalid or expired"))
                .chain(this::member)
                .invoke(currentMember::set)
                .replaceWithVoid();
    }

    private Uni<WorkspaceMember> member(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw unauthorized("A bearer token is required");
        }
        String userId = claim(token, "sub");
        if (userId == null) {
            userId = claim(token, "id"); // Royalti tokens name the user "id"
        }
        String workspace = claim(token, "activeWorkspace");
        if (userId == null || userId.length() > MAX_CLAIM_LENGTH) {
            throw unauthorized("The token names no user (sub or id)");
        }
        if (workspace == null || workspace.length() > MAX_CLAIM_LENGTH) {
            throw unauthorized("The token names no active workspace (activeWorkspace)");
        }
        boolean admin = isAdmin(token);
        String user = userId;
        return workspaces.tenantIdOf(workspace).map(tenantId -> new WorkspaceMember(tenantId, user, admin));
    }

    private static boolean isAdmin(JsonWebToken token) {
        Set<String> groups = token.getGroups();
        return (groups != null && groups.contains(ADMIN)) || ADMIN.equals(claim(token, "role"));
    }

    /** A claim as text: strings as they are, numbers by their digits (workspace ids are often numeric). */
    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString text) {
            value = text.getString();
        } else if (value instanceof JsonNumber number) {
            value = number.toString();
        }
        if (value instanceof String text && !text.isBlank()) {
            return text;
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return null;
    }

    private static ApiException unauthorized(String reason) {
        return new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, reason);
    }
}
