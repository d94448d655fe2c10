package io.trackorder.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;
import io.trackorder.errors.RouteErrors;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Decides, once and before anything else looks at the request, which surface and route it belongs
 * to ({@link RequestRoute}); error formats, credentials, the shutdown gate, {@code Allow} and the
 * metrics all read that decision. A path that must not be routed ({@link RawPath}: a dot segment, a
 * matrix parameter, an escape that is no UTF-8) is refused here with 400, before it could be resolved
 * into another route.
 */
@ApplicationScoped
public class RequestRoutes {

    private final RestRoutes endpoints;
    private final RouteErrors errors;

    public RequestRoutes(RestRoutes endpoints, RouteErrors errors) {
        this.endpoints = endpoints;
        this.errors = errors;
    }

    void install(@Observes Router router) {
        router.route().order(RouteOrder.ROUTE).handler(ctx -> {
            String rawPath = ctx.request().path();
            String refusal = RawPath.refusal(rawPath);
            if (refusal != null) {
                // The surface the client addressed, as written: there is no route to take it from.
                RequestRoute.unmatched(Surface.ofPath(rawPath)).keepWith(ctx.request());
                errors.answer(ctx, new ApiException(ErrorCode.INVALID_REQUEST, refusal));
                return;
            }
            decide(ctx).keepWith(ctx.request());
            ctx.next();
        });
    }

    private RequestRoute decide(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        RestRoutes.Route route = endpoints.match(path, ctx.request().method().name());
        return route == null
                ? RequestRoute.unmatched(Surface.ofPath(path))
                : new RequestRoute(Surface.ofPath(route.template()), route.template(), route.methods());
    }
}
