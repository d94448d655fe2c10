package io.trackorder.devdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per JVM for dev mode and tests. It is process-wide on purpose: Quarkus
 * rebuilds its configuration on every dev reload and test restart, and all of them must reach the
 * same server. zonky runs the server through {@code unshare -U} when the JVM runs as root.
 */
public final class EmbeddedPostgresServer {

    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";
    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts the server on first use; later calls return the running one. */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            shared = new EmbeddedPostgresServer(start());
        }
        return shared;
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // A throwaway database: durability buys nothing here and costs test time.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    Map<String, String> datasourceProperties() {
        return Map.of(
                EmbeddedPostgresConfigSourceFactory.REACTIVE_URL, "postgresql://localhost:" + port() + "/" + DATABASE,
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl(USER, DATABASE),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }
}
