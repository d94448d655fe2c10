package io.trackorder.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requests that no endpoint takes still get the surface's error format: an unknown path is 404,
 * and a body over the limit, refused by the HTTP layer before any endpoint runs, is 413.
 */
@ApplicationScoped
public class UnmatchedRoutes {

    private static final int LAST = Integer.MAX_VALUE;

    private final ObjectMapper json;

    public UnmatchedRoutes(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(LAST).handler(ctx -> answer(ctx,
                new ApiException(ErrorCode.RESOURCE_NOT_FOUND, "No resource at this path")));
        router.route().order(LAST).failureHandler(ctx -> {
            if (ctx.statusCode() == 413) {
                answer(ctx, new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is over 1 MiB"));
            } else {
                ctx.next();
            }
        });
    }

    private void answer(RoutingContext ctx, ApiException error) {
        if (ctx.response().headWritten()) {
            return;
        }
        String path = ctx.request().path();
        Object body = ErrorBodies.of(error, path, ctx.request().getHeader(RequestIds.HEADER));
        int status = error.code().status();
        try {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
