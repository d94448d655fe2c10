package io.trackorder.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox's backlog in the readiness response, always UP: a broker outage delays events but not
 * the API, so it must not take the service out of the load balancer.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    static final String NAME = "Event outbox";

    private final OutboxBacklog backlog;
    private final BrokerSettings broker;

    public OutboxHealthCheck(OutboxBacklog backlog, BrokerSettings broker) {
        this.backlog = backlog;
        this.broker = broker;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up()
                .withData("publishing", broker.publishing());
        backlog.latest().ifPresent(latest -> response.withData("pending", latest.pending())
                .withData("oldestPendingAgeSeconds", Math.round(latest.oldestAgeSeconds())));
        return response.build();
    }
}
