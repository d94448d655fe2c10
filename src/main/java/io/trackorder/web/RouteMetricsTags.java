package io.trackorder.web;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;

/**
 * The {@code uri} tag of {@code http_server_requests} from the route decided for the request, never
 * from its path. Quarkus tags a request by route template only once an endpoint ran; an answer given
 * before that (OPTIONS, 405, 413, the shutdown 503) would be tagged by its raw path, ids and all. A
 * request of a route is tagged by the route's template whatever the answer; one of no route by
 * {@code NOT_FOUND} (404) or {@code UNKNOWN}. A tag contributed here replaces Quarkus' own of that name.
 */
@Singleton
public class RouteMetricsTags implements HttpServerMetricsTagsContributor {

    private static final String URI = "uri";

    @Override
    public Tags contribute(Context context) {
        RequestRoute route = context.requestContextLocalData(RequestRoute.KEY);
        if (route == null || route.surface() == Surface.OPERATOR) {
            // Not through the application's router (the management interface, requests the HTTP codec
            // refused), or Quarkus' own endpoints: Quarkus' tag, which is never a raw path of ours.
            return Tags.empty();
        }
        if (route.matched()) {
            return Tags.of(URI, route.template());
        }
        return Tags.of(URI, context.response().statusCode() == 404 ? "NOT_FOUND" : "UNKNOWN");
    }
}
