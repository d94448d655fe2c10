package io.trackorder.errors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.trackorder.web.RequestIds;
import io.trackorder.web.RequestRoute;
import io.trackorder.web.Surface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Answers from a Vert.x route, before any endpoint runs, in the error format of the request's surface. */
@ApplicationScoped
public class RouteErrors {

    private final ObjectMapper json;

    public RouteErrors(ObjectMapper json) {
        this.json = json;
    }

    public void answer(RoutingContext ctx, ApiException error) {
        if (ctx.response().headWritten()) {
            return;
        }
        Surface surface = RequestRoute.of(ctx.request()).surface();
        Object body = ErrorBodies.of(error, surface, ctx.request().getHeader(RequestIds.HEADER));
        try {
            HttpServerResponse response = ctx.response().setStatusCode(ErrorBodies.status(error, surface))
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            if (ctx.request().method() == HttpMethod.HEAD) {
                // No body on HEAD: Vert.x drops it on HTTP/1.1 only, and would send it on HTTP/2.
                response.end();
            } else {
                response.end(json.writeValueAsString(body));
            }
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
