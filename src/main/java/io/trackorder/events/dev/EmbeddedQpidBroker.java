package io.trackorder.events.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import javax.management.JMException;
import javax.management.ObjectName;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.model.SystemConfig;

/**
 * The embedded AMQP 0-9-1 broker (Apache Qpid Broker-J) of dev mode and tests, one per JVM, with
 * RabbitMQ's default guest/guest account and an in-memory virtual host whose durable exchanges,
 * queues and bindings are kept in a file, so that they survive {@link #stop()} and
 * {@link #start()} as they survive a RabbitMQ restart. Process-wide on purpose: Quarkus rebuilds
 * its configuration on every dev reload and test restart, loading these classes afresh, so the
 * broker's port is kept in a system property and its controls in JMX, and starting it (seconds) happens
 * once. Registered in {@code META-INF/services/io.trackorder.events.dev.DevBroker}.
 */
public final class EmbeddedQpidBroker implements DevBroker {

    /** The running broker's port; a system property, which every class loader of the JVM sees. */
    static final String PORT_PROPERTY = "embedded-amqp.port";
    /** Where {@link #stop()} and {@link #start()} find the running broker: a JVM-wide registry. */
    private static final String CONTROL = "io.trackorder.events.dev:type=EmbeddedQpidBroker";
    static final String USER = "guest";

    @Override
    public Map<String, String> connectionProperties() {
        return Map.of(
                EmbeddedBrokerConfigSourceFactory.HOST, "127.0.0.1",
                EmbeddedBrokerConfigSourceFactory.PORT, String.valueOf(port()),
                EmbeddedBrokerConfigSourceFactory.USERNAME, USER,
                EmbeddedBrokerConfigSourceFactory.PASSWORD, USER);
    }

    /** The port of this JVM's broker, started on first use. */
    public static int port() {
        // A lock that every class loader of the JVM shares, as it shares the property.
        synchronized (System.class) {
            String running = System.getProperty(PORT_PROPERTY);
            if (running != null) {
                return Integer.parseInt(running);
            }
            int port = launchOnFreePort();
            System.setProperty(PORT_PROPERTY, String.valueOf(port));
            return port;
        }
    }

    /**
     * Stops this JVM's broker as an outage would: its connections drop and its port refuses new
     * ones, until {@link #start()}. Durable exchanges, queues and bindings survive; messages do not.
     * For tests of broker outages.
     */
    public static void stop() {
        control("stop");
    }

    /** Starts this JVM's broker again, on the same port, after {@link #stop()}. */
    public static void start() {
        control("start");
    }

    private static void control(String operation) {
        port();
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(CONTROL), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("Could not " + operation + " the embedded AMQP broker", e);
        }
    }

    /** The JMX interface of the running broker; public, as JMX requires. */
    public interface RestartableMBean {

        void stop();

        void start();
    }

    /** The running broker, or none while it is stopped. */
    private static final class Restartable implements RestartableMBean {

        private final Map<String, Object> attributes;
        private SystemLauncher running;

        Restartable(Map<String, Object> attributes) {
            this.attributes = attributes;
            this.running = launch(attributes);
        }

        @Override
        public synchronized void stop() {
            if (running != null) {
                running.shutdown();
                running = null;
            }
        }

        @Override
        public synchronized void start() {
            if (running == null) {
                running = launch(attributes);
            }
        }
    }

    private static int launchOnFreePort() {
        try {
            Path work = Files.createTempDirectory("embedded-amqp");
            int port = freeLoopbackPort();
            Path configuration = work.resolve("config.json");
            Files.writeString(configuration, configuration(port, work.resolve("virtualhost.json")));
            // Qpid's default is a classpath: URL, whose handler dev mode's class loaders do not provide.
            Path systemProperties = Files.createFile(work.resolve("system.properties"));
            Map<String, Object> attributes = Map.of(
                    SystemConfig.TYPE, "Memory",
                    SystemConfig.INITIAL_CONFIGURATION_LOCATION, configuration.toUri().toString(),
                    SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION, systemProperties.toUri().toString(),
                    SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false,
                    SystemConfig.CONTEXT, Map.of(SystemConfig.QPID_WORK_DIR, work.toString()));
            Restartable broker = new Restartable(attributes);
            ManagementFactory.getPlatformMBeanServer().registerMBean(broker, new ObjectName(CONTROL));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.stop();
                delete(work);
            }, "embedded-amqp-shutdown"));
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded AMQP broker", e);
        } catch (JMException e) {
            throw new IllegalStateException("Could not register the embedded AMQP broker", e);
        }
    }

    private static SystemLauncher launch(Map<String, Object> attributes) {
        try {
            SystemLauncher launcher = new SystemLauncher();
            launcher.startup(attributes);
            return launcher;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded AMQP broker", e);
        }
    }

    /**
     * Loopback only, one virtual host with its messages in memory and its durable objects in
     * {@code store}, and PLAIN allowed without TLS, as RabbitMQ's guest account is: the broker exists
     * for this JVM's own clients.
     */
    private static String configuration(int port, Path store) {
        return """
                {
                  "name": "embedded-amqp",
                  "modelVersion": "8.0",
                  "authenticationproviders": [ {
                    "name": "plain", "type": "Plain", "secureOnlyMechanisms": [],
                    "users": [ { "name": "%1$s", "type": "managed", "password": "%1$s" } ]
                  } ],
                  "ports": [ {
                    "name": "AMQP", "port": %2$d, "bindingAddress": "127.0.0.1",
                    "authenticationProvider": "plain", "protocols": [ "AMQP_0_9_1" ],
                    "virtualhostaliases": [ { "name": "nameAlias", "type": "nameAlias" },
                      { "name": "defaultAlias", "type": "defaultAlias" } ]
                  } ],
                  "virtualhostnodes": [ {
                    "name": "default", "type": "JSON", "storePath": "%3$s", "defaultVirtualHostNode": "true",
                    "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\"}"
                  } ]
                }
                """.formatted(USER, port, store);
    }

    /** The work directory and what the broker wrote there; what cannot be deleted stays in the temp dir. */
    private static void delete(Path work) {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover in the temporary directory harms nothing.
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
