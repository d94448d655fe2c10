package io.trackorder.web;

/**
 * The order of the service's own Vert.x router handlers. They run before Quarkus REST, in this
 * sequence, so that every answer they give carries the request id and the surface's format.
 */
final class RouteOrder {

    /** {@link RequestIds}: the id comes first, every answer carries it. */
    static final int REQUEST_ID = Integer.MIN_VALUE;
    /** {@link RequestRoutes}: dot segments refused, then surface and route decided. */
    static final int ROUTE = REQUEST_ID + 1;
    /** {@link ShutdownGate}. */
    static final int SHUTDOWN_GATE = ROUTE + 1;
    /** {@link UnmatchedRoutes}: bodies over the limit. */
    static final int BODY_LIMIT = SHUTDOWN_GATE + 1;
    /** {@link UnmatchedRoutes}: OPTIONS and methods the route does not take. */
    static final int METHODS = BODY_LIMIT + 1;
    /** {@link UnmatchedRoutes}: a path no endpoint has. */
    static final int UNMATCHED = Integer.MAX_VALUE;

    private RouteOrder() {
    }
}
