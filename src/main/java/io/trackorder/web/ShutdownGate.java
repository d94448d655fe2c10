package io.trackorder.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.ext.web.Router;

/**
 * The part of graceful shutdown that Quarkus leaves to the application: from SIGTERM on, a new
 * request on the public port gets 503 in its surface's format instead of being served, while
 * requests already running finish (Quarkus waits for them up to {@code quarkus.shutdown.timeout}).
 * Health is on the management interface, which this gate does not cover, so readiness reports DOWN
 * and liveness UP until the listeners close.
 */
@ApplicationScoped
public class ShutdownGate {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);
    // Right after RequestIds (Integer.MIN_VALUE), so even a 503 carries the request id.
    private static final int ORDER = Integer.MIN_VALUE + 1;

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
        router.route().order(ORDER).handler(ctx -> {
            if (closed) {
                errors.answer(ctx, new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "The service is shutting down; retry the request"));
            } else {
                ctx.next();
            }
        });
    }
}
