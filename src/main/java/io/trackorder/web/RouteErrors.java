package io.trackorder.web;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Answers from a Vert.x route, before any endpoint runs, in the error format of the request's surface. */
@ApplicationScoped
public class RouteErrors {

    private final ObjectMapper json;

    public RouteErrors(ObjectMapper json) {
        this.json = json;
    }

    void answer(RoutingContext ctx, ApiException error) {
        if (ctx.response().headWritten()) {
            return;
        }
        Object body = ErrorBodies.of(error, ctx.request().path(), ctx.request().getHeader(RequestIds.HEADER));
        try {
            ctx.response().setStatusCode(ErrorBodies.status(error, ctx.request().path()))
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }
}
