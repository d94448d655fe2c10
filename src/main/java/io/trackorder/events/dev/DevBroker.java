package io.trackorder.events.dev;

import java.util.Map;

/**
 * The AMQP broker of dev mode and tests when none is configured: the connection properties that
 * point the events channel at it.
 * <p>
 * {@link EmbeddedBrokerConfigSourceFactory} finds it through {@link java.util.ServiceLoader} instead
 * of naming it, so that no class of the production application refers to the embedded broker, which
 * production does not carry: a native image links every class that reachable code names at build
 * time, and would fail on the missing Qpid classes.
 */
public interface DevBroker {

    /** {@code rabbitmq-host}, {@code rabbitmq-port}, {@code rabbitmq-username} and {@code rabbitmq-password}. */
    Map<String, String> connectionProperties();
}
