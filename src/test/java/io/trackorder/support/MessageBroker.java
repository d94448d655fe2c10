package io.trackorder.support;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import io.trackorder.events.dev.EmbeddedQpidBroker;

/**
 * The AMQP broker that tests and a packaged service ({@link ServiceProcess}) publish to: the one
 * {@code RABBITMQ_HOST}, {@code _PORT}, {@code _USERNAME} and {@code _PASSWORD} name, or else this
 * JVM's embedded one: the same choice the service makes in the test profile.
 */
public record MessageBroker(String host, int port, String username, String password) {

    public static MessageBroker fromEnvironmentOrEmbedded() {
        String host = System.getenv("RABBITMQ_HOST");
        if (host == null || host.isBlank()) {
            return new MessageBroker("127.0.0.1", EmbeddedQpidBroker.port(), "guest", "guest");
        }
        return new MessageBroker(host, Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")),
                System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest"),
                System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
    }

    /** A plain AMQP client connection, for tests that consume what the service publishes. */
    public Connection connect() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        return factory.newConnection("test");
    }

    /** The JVM options that point a packaged service at this broker. */
    public List<String> serviceOptions() {
        return List.of("-Drabbitmq-host=" + host, "-Drabbitmq-port=" + port, "-Drabbitmq-username=" + username,
                "-Drabbitmq-password=" + password);
    }
}
