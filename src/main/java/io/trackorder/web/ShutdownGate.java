package io.trackorder.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;
import io.trackorder.errors.RouteErrors;
import io.vertx.ext.web.Router;

/**
 * The part of graceful shutdown that Quarkus leaves to the application: from SIGTERM on, a new
 * request on the public port gets 503 in its surface's format instead of being served, while
 * requests already running finish (Quarkus waits for them up to {@code quarkus.shutdown.timeout}).
 * Health is on the management interface, which this gate does not cover, and Quarkus' own
 * endpoints on the public port ({@link Surface#OPERATOR}) stay open too, so readiness reports DOWN
 * and liveness UP until the listeners close.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);

    private final RouteErrors errors;
    private volatile boolean closed;

    public ShutdownGate(RouteErrors errors) {
        this.errors = errors;
    }

    // Fired on SIGTERM, before the shutdown delay; only with quarkus.shutdown.delay-enabled=true (build time).
    void close(@Observes ShutdownDelayInitiatedEvent shutdownStarted) {
        closed = true;
        LOG.info("Shutting down: new requests get 503 while running ones finish");
    }

    void install(@Observes Router router) {
        router.route().order(RouteOrder.SHUTDOWN_GATE).handler(ctx -> {
            if (closed && RequestRoute.of(ctx.request()).surface() != Surface.OPERATOR) {
                errors.answer(ctx, new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "The service is shutting down; retry the request"));
            } else {
                ctx.next();
            }
        });
    }
}
