package io.trackorder.security;

import java.io.IOException;
import java.util.Base64;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;
import io.trackorder.web.RequestRoute;
import io.trackorder.web.Surface;
import io.vertx.core.http.HttpServerRequest;

/**
 * Admits requests of the Releases API: a bearer JWT, verified by smallrye-jwt as the
 * {@code mp.jwt.verify.*} settings say (RS256, {@code exp}, issuer when configured), that names a
 * user and an active workspace. Requests of other surfaces pass through untouched; authentication is not
 * proactive, so a bearer header on the Collections API is never even looked at.
 * <p>
 * The user is {@code sub}; only a token without {@code sub} may name them in {@code id}, as Royalti
 * tokens do (an empty {@code sub} is no user, not an absent one). A user or workspace claim must be
 * text of at most {@value #MAX_CLAIM_LENGTH} characters without control characters (NUL included),
 * else the token names nobody: 401. Admin: {@code role} is {@code "admin"}, or {@code groups} is a
 * JSON array holding {@code "admin"}.
 */
public class BearerTokenFilter {

    private static final int MAX_CLAIM_LENGTH = 128;
    private static final String ADMIN = "admin";
    private static final String SUBJECT = "sub";
    private static final String GROUPS = "groups";

    private final CurrentIdentityAssociation identities;
    private final Workspaces workspaces;
    private final CurrentMember currentMember;
    private final ObjectMapper json;
    private final VerificationKey verificationKey;

    public BearerTokenFilter(CurrentIdentityAssociation identities, Workspaces workspaces, CurrentMember currentMember,
            ObjectMapper json, VerificationKey verificationKey) {
        this.identities = identities;
        this.workspaces = workspaces;
        this.currentMember = currentMember;
        this.json = json;
        this.verificationKey = verificationKey;
    }

    @ServerRequestFilter
    public Uni<Void> admit(HttpServerRequest request) {
        if (RequestRoute.of(request).surface() != Surface.RELEASES) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                .onFailure(failure -> failure instanceof AuthenticationException)
                .transform(e -> unauthorized("The token is invalid or expired"))
                .chain(this::member)
                .invoke(currentMember::set)
                .replaceWithVoid();
    }

    private Uni<WorkspaceMember> member(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw unauthorized("A bearer token is required");
        }
        String userId = token.containsClaim(SUBJECT) ? claim(token, SUBJECT) : claim(token, "id");
        String workspace = claim(token, "activeWorkspace");
        if (userId == null) {
            throw unauthorized("The token names no user (sub or id)");
        }
        if (workspace == null) {
            throw unauthorized("The token names no active workspace (activeWorkspace)");
        }
        boolean admin = isAdmin(token);
        String user = userId;
        return workspaces.tenantIdOf(workspace).map(tenantId -> new WorkspaceMember(tenantId, user, admin));
    }

    private boolean isAdmin(JsonWebToken token) {
        return ADMIN.equals(claim(token, "role")) || groupsArrayHoldsAdmin(token);
    }

    /**
     * smallrye-jwt turns a {@code groups} string into a list of its words, so the parsed groups cannot
     * tell {@code "admin"} from {@code ["admin"]}: the token's own payload, verified by now, can.
     */
    private boolean groupsArrayHoldsAdmin(JsonWebToken token) {
        String[] parts = String.valueOf(token.getRawToken()).split("\\.");
        if (parts.length != 3) {
            return false; // not a signed JWT in compact form: no groups to trust
        }
        try {
            JsonNode groups = json.readTree(Base64.getUrlDecoder().decode(parts[1])).path(GROUPS);
            if (groups.isArray()) {
                for (JsonNode group : groups) {
                    if (ADMIN.equals(group.textValue())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | IllegalArgumentException unreadable) {
            return false;
        }
    }

    /**
     * A claim as an identifier: strings as they are, numbers by their digits (workspace ids are often
     * numeric); null when it is missing, blank, too long or holds a control character.
     */
    private static String claim(JsonWebToken token, String name) {
        String text = text(token, name);
        return text != null && !text.isBlank() && text.length() <= MAX_CLAIM_LENGTH
                && text.chars().noneMatch(Character::isISOControl) ? text : null;
    }

    private static String text(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString text) {
            value = text.getString();
        } else if (value instanceof JsonNumber number) {
            value = number.toString();
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        return null;
    }

    /** Every 401 of the Releases API is made here. */
    private ApiException unauthorized(String reason) {
        verificationKey.refused();
        return new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, reason);
    }
}
