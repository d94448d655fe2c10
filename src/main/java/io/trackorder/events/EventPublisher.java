package io.trackorder.events;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQConnector;

/**
 * Sends one event to the {@code trackorder.events} topic exchange, routed by its type, as a
 * persistent structured CloudEvent. Completes when the broker confirmed it (publish-confirms).
 * Also tells whether the connector's connection is up, from the channel's liveness, which the
 * service's health checks leave out ({@code application.properties}).
 */
@ApplicationScoped
public class EventPublisher {

    /** AMQP's persistent delivery mode: a durable queue keeps the message across broker restarts. */
    private static final int PERSISTENT = 2;

    private final MutinyEmitter<byte[]> events;
    private final RabbitMQConnector connector;

    public EventPublisher(@Channel("events") MutinyEmitter<byte[]> events,
            @Connector(RabbitMQConnector.CONNECTOR_NAME) RabbitMQConnector connector) {
        this.events = events;
        this.connector = connector;
    }

    /**
     * False while the connection to the broker is down, until the connector reconnected; true
     * before the first publish, which opens it.
     */
    public boolean connected() {
        return connector.getLiveness().isOk();
    }

    public Uni<Void> publish(ChangeEvent event) {
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(event.type())
                .withContentType(CloudEvents.CONTENT_TYPE)
                .withDeliveryMode(PERSISTENT)
                .withMessageId(event.id().toString())
                .withTimestamp(event.time().atZone(ZoneOffset.UTC))
                .build();
        return events.sendMessage(Message.of(CloudEvents.structured(event), Metadata.of(metadata)));
    }
}
