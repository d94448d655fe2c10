package io.trackorder.web;

import java.util.Set;
import java.util.TreeSet;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;

/**
 * What {@link RequestRoutes} decided about a request before anything else ran: its surface and, when
 * its path is that of an endpoint, the route template and the methods that route takes.
 * <p>
 * The decision is kept on the request's own Vert.x context, where Quarkus keeps the route template
 * for its metrics too: from there the router's handlers, Quarkus REST's filters and mappers and the
 * metrics binder all read the same one.
 */
public record RequestRoute(Surface surface, String template, Set<String> methods) {

    static final String KEY = RequestRoute.class.getName();

    static RequestRoute unmatched(Surface surface) {
        return new RequestRoute(surface, null, Set.of());
    }

    /** Whether the path is that of an endpoint (whatever the method). */
    public boolean matched() {
        return template != null;
    }

    /** The {@code Allow} header of the route: its methods, HEAD wherever GET is, and OPTIONS. */
    String allow() {
        Set<String> allowed = new TreeSet<>(methods);
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return String.join(", ", allowed);
    }

    boolean allows(String method) {
        return methods.contains(method) || (method.equals("HEAD") && methods.contains("GET"));
    }

    void keepWith(HttpServerRequest request) {
        context(request).putLocal(KEY, this);
    }

    /** The decision about a request that went through the router, as every request of an endpoint does. */
    public static RequestRoute of(HttpServerRequest request) {
        RequestRoute route = context(request).getLocal(KEY);
        if (route == null) {
            throw new IllegalStateException("No route was decided for this request");
        }
        return route;
    }

    private static Context context(HttpServerRequest request) {
        return ((HttpServerRequestInternal) request).context();
    }
}
