package io.trackorder.database.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL servers of dev mode and tests, one per data directory and JVM. They are
 * process-wide on purpose: Quarkus rebuilds its configuration on every dev reload and test
 * restart, and all of them must reach the same server (a reload, which loads these classes
 * afresh, finds dev mode's server through its data directory). zonky runs the server through
 * {@code unshare -U} when the JVM runs as root, and stops it when the JVM exits.
 * Registered in {@code META-INF/services/io.trackorder.database.dev.DevDatabase}.
 */
public final class EmbeddedPostgresServer implements DevDatabase {

    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";
    private static final Map<Optional<Path>, Integer> PORTS = new HashMap<>();

    /** The port of the server of that directory, started on first use. */
    private static synchronized int port(Optional<Path> dataDirectory) {
        return PORTS.computeIfAbsent(dataDirectory, directory -> {
            try {
                OptionalInt running = directory.isPresent()
                        ? DataDirectory.portOfServerInThisJvm(directory.get().toAbsolutePath())
                        : OptionalInt.empty();
                return running.isPresent() ? running.getAsInt() : start(directory).getPort();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the embedded PostgreSQL's data directory", e);
            }
        });
    }

    /**
     * A new server: on the given data directory, initialised there on first use and kept when it
     * stops, else on a throwaway one.
     */
    static EmbeddedPostgres start(Optional<Path> dataDirectory) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300");
        try {
            if (dataDirectory.isPresent()) {
                Path directory = dataDirectory.get().toAbsolutePath();
                DataDirectory.clearStalePostmaster(directory);
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
            } else {
                // A throwaway database: durability buys nothing here and costs test time.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    @Override
    public Map<String, String> datasourceProperties(Optional<Path> dataDirectory) {
        int port = port(dataDirectory);
        return Map.of(
                EmbeddedPostgresConfigSourceFactory.REACTIVE_URL, "postgresql://localhost:" + port + "/" + DATABASE,
                EmbeddedPostgresConfigSourceFactory.JDBC_URL,
                "jdbc:postgresql://localhost:" + port + "/" + DATABASE + "?user=" + USER,
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }
}
