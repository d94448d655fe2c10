package io.trackorder.web;

/**
 * The part of the service a request belongs to. It picks the error format, the credential that is
 * checked and whether the shutdown gate applies. It is decided once per request, by
 * {@link RequestRoutes}; everything else reads that decision.
 */
public enum Surface {
    /** {@code /v1/music/{organization_id}/...}, {@code X-API-Key}, the error envelope. */
    COLLECTIONS,
    /** {@code /releases/...}, bearer JWT, {@code {"status": "error", "message": ...}} errors. */
    RELEASES,
    /** {@code /admin/...}, {@code X-Admin-Token}, the error envelope. */
    ADMIN,
    /** Quarkus' own endpoints under {@code /q/} (OpenAPI, Swagger UI): no credential, never gated. */
    OPERATOR;

    /**
     * The surface of a path (a route template, or the path of a request that matches no route) by its
     * first segment. A path of no known surface is answered like the Collections API, the service's
     * main surface.
     */
    public static Surface ofPath(String path) {
        String first = firstSegment(path);
        return switch (first) {
            case "releases" -> RELEASES;
            case "admin" -> ADMIN;
            case "q" -> OPERATOR;
            default -> COLLECTIONS;
        };
    }

    /** Up to the next {@code /}, or {@code ;}: a path refused for its matrix parameters keeps its surface. */
    private static String firstSegment(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = start;
        while (end < path.length() && path.charAt(end) != '/' && path.charAt(end) != ';') {
            end++;
        }
        return path.substring(start, end);
    }
}
