package io.trackorder.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL of its own that a test can stop and start again, on the same port and
 * with its data kept, to play a database outage without touching the server other tests share.
 * Its data directory is under {@code target/} and starts empty in every test run.
 * <p>
 * Quarkus loads test classes twice (for the test profile and for the test itself), so a static
 * field would start two servers. The one server of the JVM is registered with the platform
 * MBean server instead, which both class loaders reach by name.
 */
public final class RestartablePostgres {

    private static final Path DATA = Path.of("target", "restartable-postgres");
    private static final String NAME = "io.trackorder.test:type=RestartablePostgres";

    /** What the MBean offers; public, as JMX requires. */
    public interface Control {
        int getPort();

        void stop();

        void restart();
    }

    private final MBeanServer jvm = ManagementFactory.getPlatformMBeanServer();
    private final ObjectName name;

    private RestartablePostgres() throws JMException {
        name = new ObjectName(NAME);
        if (!jvm.isRegistered(name)) {
            jvm.registerMBean(new StandardMBean(new Server(), Control.class), name);
        }
    }

    /** The one server of this JVM, started on first use. */
    public static RestartablePostgres instance() {
        synchronized (ManagementFactory.getPlatformMBeanServer()) {
            try {
                return new RestartablePostgres();
            } catch (JMException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Datasource settings for a test profile; they win over the environment's. */
    public Map<String, String> datasourceProperties() {
        int port = (Integer) call(() -> jvm.getAttribute(name, "Port"));
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    /** Stops the server the way an operator would ({@code pg_ctl stop}, fast mode): open sessions are ended. */
    public void stop() {
        call(() -> jvm.invoke(name, "stop", new Object[0], new String[0]));
    }

    /** Starts it again on the same port with the same data; returns when it accepts connections. */
    public void restart() {
        call(() -> jvm.invoke(name, "restart", new Object[0], new String[0]));
    }

    private interface JmxCall {
        Object run() throws JMException;
    }

    private static Object call(JmxCall call) {
        try {
            return call.run();
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Server implements Control {
        private EmbeddedPostgres postgres;
        private final int port;

        Server() {
            deleteData();
            postgres = start(0);
            port = postgres.getPort();
        }

        @Override
        public int getPort() {
            return port;
        }

        @Override
        public synchronized void stop() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void restart() {
            postgres = start(port);
        }
    }

    private static EmbeddedPostgres start(int port) {
        try {
            return EmbeddedPostgres.builder()
                    .setPort(port) // 0: any free port
                    .setDataDirectory(DATA)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("max_connections", "100")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the restartable PostgreSQL", e);
        }
    }

    private static void deleteData() {
        if (!Files.exists(DATA)) {
            return;
        }
        try (Stream<Path> files = Files.walk(DATA)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
