package io.trackorder.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Whether change events go out: the events channel is off when production has no RabbitMQ host
 * (events.dev.EmbeddedBrokerConfigSourceFactory turns it off). The service runs without it, and
 * says so once at start, naming the variable that turns it on.
 */
@ApplicationScoped
public class BrokerSettings {

    private static final Logger LOG = Logger.getLogger(BrokerSettings.class);

    private final boolean publishing;

    public BrokerSettings(
            @ConfigProperty(name = "mp.messaging.outgoing.events.enabled", defaultValue = "true") boolean publishing) {
        this.publishing = publishing;
    }

    /** Whether the events channel reaches a broker. */
    public boolean publishing() {
        return publishing;
    }

    void report(@Observes StartupEvent start) {
        if (!publishing) {
            LOG.warn("Change events are not published, no RabbitMQ is configured: set RABBITMQ_HOST (with RABBITMQ_PORT,"
                    + " RABBITMQ_USERNAME and RABBITMQ_PASSWORD); until then events wait in the outbox");
        }
    }
}
