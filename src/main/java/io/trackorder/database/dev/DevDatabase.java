package io.trackorder.database.dev;

import java.util.Map;

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

    Map<String, String> datasourceProperties();
}
