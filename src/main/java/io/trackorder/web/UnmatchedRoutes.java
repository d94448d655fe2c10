package io.trackorder.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;
import io.trackorder.errors.RouteErrors;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Requests that no endpoint takes still get the surface's error format: an unknown path is 404, a
 * method the route does not take is 405 with {@code Allow}, and a body over the limit, refused by
 * the HTTP layer before any endpoint runs, is 413. {@code OPTIONS} answers the route's {@code Allow}.
 */
@ApplicationScoped
public class UnmatchedRoutes {

    private final RouteErrors errors;
    private final long maxBodyBytes;
    private final BodyHandler boundedBody;

    public UnmatchedRoutes(RouteErrors errors,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.errors = errors;
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.boundedBody = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    }

    void install(@Observes Router router) {
        // A declared length over the limit is refused before the body is read, in the surface's format.
        router.route().order(RouteOrder.BODY_LIMIT).handler(ctx -> {
            long length = declaredLength(ctx);
            if (length > maxBodyBytes) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                errors.answer(ctx, tooLarge());
            } else if (length < 0 && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                // A chunked body is read here, up to the limit: over it, the failure handler below
                // answers. Left to the endpoint, Quarkus would end the response itself, with an empty
                // 413. (Not for HTTP/2, whose requests Quarkus REST cannot take already read.)
                boundedBody.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().order(RouteOrder.METHODS).handler(this::methods);
        router.route().order(RouteOrder.UNMATCHED).handler(ctx -> errors.answer(ctx,
                new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "No resource at this path")));
        // Failure handlers run in route order: this one must see a 413 before Quarkus' own handler.
        router.route().order(RouteOrder.BODY_LIMIT).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                errors.answer(ctx, tooLarge());
            } else {
                ctx.next();
            }
        });
    }

    /** OPTIONS and methods the route does not take; Quarkus REST would answer both with every method of the resource class. */
    private void methods(RoutingContext ctx) {
        RequestRoute route = RequestRoute.of(ctx.request());
        String method = ctx.request().method().name();
        if (!route.matched() || route.allows(method)) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.ALLOW, route.allow());
        if (method.equals("OPTIONS")) {
            ctx.response().end();
        } else {
            errors.answer(ctx, new ApiException(ErrorCode.METHOD_NOT_ALLOWED, method + " is not allowed here"));
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is over 1 MiB");
    }

    private static long declaredLength(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
