package io.trackorder.support;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import io.trackorder.events.dev.EmbeddedQpidBroker;

/**
 * The AMQP broker that tests and a packaged service ({@link ServiceProcess}) publish to: the one
 * {@code RABBITMQ_HOST}, {@code _PORT}, {@code _USERNAME} and {@code _PASSWORD} name, or else this
 * JVM's embedded one: the same choice the service makes in the test profile.
 */
public record MessageBroker(String host, int port, String username, String password, boolean embedded) {

    /** The service's exchange of change events. */
    public static final String EVENTS_EXCHANGE = "trackorder.events";

    /**
     * Binds the queue to every event of the service's exchange, declaring the exchange as the
     * connector does, so that the queue is bound before the service's first publish.
     */
    public static void bindToEveryEvent(Channel channel, String queue) throws IOException {
        channel.exchangeDeclare(EVENTS_EXCHANGE, BuiltinExchangeType.TOPIC, true);
        channel.queueBind(queue, EVENTS_EXCHANGE, "#");
    }

    public static MessageBroker fromEnvironmentOrEmbedded() {
        String host = System.getenv("RABBITMQ_HOST");
        if (host == null || host.isBlank()) {
            return new MessageBroker("127.0.0.1", EmbeddedQpidBroker.port(), "guest", "guest", true);
        }
        return new MessageBroker(host, Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")),
                System.getenv().getOrDefault("RABBITMQ_USERNAME", "guest"),
                System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"), false);
    }

    /**
     * Stops the broker as an outage would, until {@link #start()}: the embedded one in this JVM, or
     * the RabbitMQ application of this machine's node ({@code rabbitmqctl stop_app}), which keeps
     * its durable exchanges and queues.
     */
    public void stop() throws IOException, InterruptedException {
        if (embedded) {
            EmbeddedQpidBroker.stop();
        } else {
            rabbitmqctl("stop_app");
        }
    }

    public void start() throws IOException, InterruptedException {
        if (embedded) {
            EmbeddedQpidBroker.start();
        } else {
            rabbitmqctl("start_app");
        }
    }

    private void rabbitmqctl(String command) throws IOException, InterruptedException {
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
            throw new IllegalStateException("Only this machine's RabbitMQ can be stopped, not " + host);
        }
        Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
        }
    }

    /** A plain AMQP client connection, for tests that consume what the service publishes. */
    public Connection connect() throws IOException, TimeoutException {
        return connectionFactory().newConnection("test");
    }

    /** For a client connection of a test's own settings. */
    public ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        return factory;
    }

    /** The JVM options that point a packaged service at this broker. */
    public List<String> serviceOptions() {
        return List.of("-Drabbitmq-host=" + host, "-Drabbitmq-port=" + port, "-Drabbitmq-username=" + username,
                "-Drabbitmq-password=" + password);
    }
}
