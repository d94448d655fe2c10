package io.trackorder.events.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.MessageBroker;

/**
 * Without a configured RabbitMQ, tests run against an embedded broker, started once per JVM on a
 * loopback port, that speaks what the events channel needs: guest/guest, durable topic exchanges
 * and publisher confirms. The same checks pass against a real RabbitMQ ({@code RABBITMQ_HOST}).
 */
@QuarkusTest
class EmbeddedBrokerTest {

    @Test
    void theTestProfileGetsTheEmbeddedBrokerOfThisJvm() {
        assumeTrue(System.getenv("RABBITMQ_HOST") == null, "a RabbitMQ is configured");
        Config config = ConfigProvider.getConfig();
        assertEquals("127.0.0.1", config.getValue("rabbitmq-host", String.class));
        assertEquals(EmbeddedQpidBroker.port(), config.getValue("rabbitmq-port", Integer.class));
        assertEquals(System.getProperty(EmbeddedQpidBroker.PORT_PROPERTY),
                String.valueOf(new EmbeddedQpidBroker().connectionProperties().get("rabbitmq-port")),
                "started once: every lookup gets the same broker");
    }

    @Test
    void routesAPersistentMessageThroughATopicExchangeWithConfirms() throws Exception {
        try (Connection connection = MessageBroker.fromEnvironmentOrEmbedded().connect();
                Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("trackorder.broker-test", BuiltinExchangeType.TOPIC, true);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "trackorder.broker-test", "collection.#");
            channel.confirmSelect();
            channel.basicPublish("trackorder.broker-test", "release.changed", MessageProperties.PERSISTENT_BASIC,
                    "not bound".getBytes(StandardCharsets.UTF_8));
            channel.basicPublish("trackorder.broker-test", "collection.reordered", MessageProperties.PERSISTENT_BASIC,
                    "bound".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(Duration.ofSeconds(10).toMillis());

            GetResponse received = channel.basicGet(queue, true);
            assertNotNull(received, "the bound routing key arrives");
            assertEquals("bound", new String(received.getBody(), StandardCharsets.UTF_8));
            assertEquals(2, received.getProps().getDeliveryMode(), "persistent");
            assertEquals(null, channel.basicGet(queue, true), "the other routing key does not");
            channel.exchangeDelete("trackorder.broker-test");
        }
    }
}
