package io.trackorder.database.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per JVM for dev mode and tests. It is process-wide on purpose: Quarkus
 * rebuilds its configuration on every dev reload and test restart, and all of them must reach the
 * same server. zonky runs the server through {@code unshare -U} when the JVM runs as root.
 * Registered in {@code META-INF/services/io.trackorder.database.dev.DevDatabase}.
 */
public final class EmbeddedPostgresServer implements DevDatabase {

    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";
    private static EmbeddedPostgres shared;

    /** Starts the server on first use; later calls return the running one. */
    private static synchronized EmbeddedPostgres running() {
        if (shared == null) {
            shared = start();
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

    @Override
    public Map<String, String> datasourceProperties() {
        EmbeddedPostgres postgres = running();
        return Map.of(
                EmbeddedPostgresConfigSourceFactory.REACTIVE_URL,
                "postgresql://localhost:" + postgres.getPort() + "/" + DATABASE,
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl(USER, DATABASE),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }
}
