package io.trackorder.web;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Document-level OpenAPI information: title, description and the two security schemes. */
@OpenAPIDefinition(info = @Info(title = "Track ordering service", version = "1.0.0", description = """
        Keeps tracks in a user-chosen order and changes that order in one call, for many tenants.
        Two API surfaces share one ordering core: the Collections API (`/v1/music/{organization_id}`, \
        `X-API-Key`, error envelope) and the Releases API (`/releases`, JWT, `{status, message}` errors). \
        Every response carries `X-Request-Id`; on the Collections API it equals the error's `trace_id`. \
        It is the client's own `X-Request-Id` when that is at most 128 characters of `[A-Za-z0-9._-]`, \
        else the trace id of a valid W3C `traceparent` (version `00`), else a fresh `req_…`. \
        Request bodies are limited to 1 MiB (413).

        Safe read-modify-write: every response about one collection or release (its GET, the GET of its \
        tracks, its creation and every change) carries `ETag: "<revision>"`, the version of its track list. \
        Send it back as `If-Match` on the change: if the list changed in between, the answer is 412 and \
        nothing is written; read again and retry. Absent or `*` means unconditional. `If-None-Match` with \
        the current value on those GETs is 304 without a body. A metadata edit does not change the \
        revision, so `If-Match` guards a metadata edit against list changes, not against another edit."""))
@SecurityScheme(securitySchemeName = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "JWT Authorization header using the Bearer scheme. Format: \"Bearer {token}\". RS256, with "
                + "`exp`, the user in `sub` (or `id`), the workspace in `activeWorkspace`; admins have `admin` in "
                + "`groups` or `role: admin`.")
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = "X-API-Key", description = "`ak_` followed by 40 lowercase hex characters.")
public class OpenApiDocument extends Application {
}
