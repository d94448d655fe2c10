package io.trackorder.database.dev;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The database of dev mode and tests when none is configured: the datasource properties that
 * point the service at it.
 * <p>
 * {@link EmbeddedPostgresConfigSourceFactory} finds it through {@link java.util.ServiceLoader}
 * instead of naming it, so that no class of the production application refers to the embedded
 * server, which production does not carry: a native image links every class that reachable code
 * names at build time, and would fail on the missing zonky classes.
 */
public interface DevDatabase {

    /**
     * @param dataDirectory where the server keeps its data across runs; empty for a throwaway
     *        database, created afresh and deleted when the JVM exits
     */
    Map<String, String> datasourceProperties(Optional<Path> dataDirectory);
}
