package io.trackorder.events.dev;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points the events channel at an embedded AMQP broker when the dev or test profile runs without a
 * configured RabbitMQ, so {@code ./mvnw quarkus:dev} and {@code ./mvnw verify} need only a JDK.
 * <p>
 * Production never starts the embedded broker: its artifacts are removed from the production
 * application ({@code quarkus.class-loading.removed-artifacts}), which is also why it is looked up
 * as a {@link DevBroker} rather than named here. Production without a RabbitMQ host turns the
 * channel off instead; the events then wait in the outbox (events.BrokerSettings says so at start).
 */
public class EmbeddedBrokerConfigSourceFactory implements ConfigSourceFactory {

    static final String HOST = "rabbitmq-host";
    static final String PORT = "rabbitmq-port";
    static final String USERNAME = "rabbitmq-username";
    static final String PASSWORD = "rabbitmq-password";
    /**
     * {@code false} in JVMs that only call a service started elsewhere (the {@code *IT} tests'
     * JVM): their test configuration would otherwise start a broker that nobody uses.
     */
    static final String ENABLED = "embedded-amqp.enabled";
    static final String CHANNEL_ENABLED = "mp.messaging.outgoing.events.enabled";
    private static final List<String> EMBEDDED_PROFILES = List.of("dev", "test");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // The build reads this configuration too, and needs no broker.
        if (ExecutionMode.current() == ExecutionMode.UNSET || isSet(context.getValue(HOST))) {
            return List.of();
        }
        if (context.getProfiles().stream().noneMatch(EMBEDDED_PROFILES::contains)) {
            return List.of(source(Map.of(CHANNEL_ENABLED, "false")));
        }
        if (isFalse(context.getValue(ENABLED))) {
            return List.of();
        }
        DevBroker broker = ServiceLoader.load(DevBroker.class, getClass().getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No embedded AMQP broker on the class path: configure " + HOST + " (RABBITMQ_HOST)"));
        return List.of(source(broker.connectionProperties()));
    }

    /** Below application.properties (250) and env (300), so explicit settings still win. */
    private static ConfigSource source(Map<String, String> properties) {
        return new PropertiesConfigSource(properties, "embedded-amqp", 200);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static boolean isFalse(ConfigValue value) {
        return isSet(value) && "false".equalsIgnoreCase(value.getValue().trim());
    }
}
