package io.trackorder.database.dev;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points the datasource at an embedded PostgreSQL when the dev or test profile runs without a
 * configured database, so {@code ./mvnw quarkus:dev} and {@code ./mvnw verify} need only a JDK.
 * Dev mode keeps its data in {@code embedded-postgresql.data-directory} (application.properties);
 * tests get a throwaway database.
 * <p>
 * Production never starts the embedded server: the profile check comes first, and the server's
 * artifacts are removed from the production application ({@code quarkus.class-loading.removed-artifacts}).
 * That is also why the server is looked up as a {@link DevDatabase} rather than named here.
 * Production instead refuses to start without a configured database, saying which variables to set.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    /**
     * {@code false} in JVMs that only call a service started elsewhere (the {@code *IT} tests'
     * JVM): their test configuration would otherwise start servers that nobody uses.
     */
    static final String ENABLED = "embedded-postgresql.enabled";
    static final String DATA_DIRECTORY = "embedded-postgresql.data-directory";
    private static final List<String> EMBEDDED_PROFILES = List.of("dev", "test");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean devOrTest = context.getProfiles().stream().anyMatch(EMBEDDED_PROFILES::contains);
        if (!devOrTest && ExecutionMode.current() == ExecutionMode.RUNTIME_INIT) {
            requireDatabase(context);
        }
        if (!devOrTest || isSet(context.getValue(REACTIVE_URL)) || isFalse(context.getValue(ENABLED))) {
            return List.of();
        }
        DevDatabase database = ServiceLoader.load(DevDatabase.class, getClass().getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No embedded PostgreSQL on the class path: configure "
                        + REACTIVE_URL + " (QUARKUS_DATASOURCE_REACTIVE_URL)"));
        ConfigValue dataDirectory = context.getValue(DATA_DIRECTORY);
        Map<String, String> datasource = database.datasourceProperties(
                isSet(dataDirectory) ? Optional.of(Path.of(dataDirectory.getValue().trim())) : Optional.empty());
        // Below application.properties (250) and env (300), so explicit settings still win.
        return List.of(new PropertiesConfigSource(datasource, "embedded-postgresql", 200));
    }

    /**
     * Production has no embedded database to fall back on. Without this check the service fails
     * deep inside Hibernate's start with a stack trace (no reactive URL), or Flyway silently skips
     * the migrations (no JDBC URL). A {@link ConfigurationException} is what Quarkus reports as its
     * message alone, one line on stderr, before it exits with status 1. Checked at run time only:
     * the build reads this configuration too, and needs no database.
     */
    private static void requireDatabase(ConfigSourceContext context) {
        // Named as operators set them: the environment variable for each property.
        List<String> missing = Stream.of(REACTIVE_URL, JDBC_URL).filter(name -> !isSet(context.getValue(name)))
                .map(name -> name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")).toList();
        if (!missing.isEmpty()) {
            throw new ConfigurationException("ERROR: no database configured (" + String.join(" and ", missing)
                    + " unset). Set QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://HOST:5432/DATABASE,"
                    + " QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://HOST:5432/DATABASE,"
                    + " QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.");
        }
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static boolean isFalse(ConfigValue value) {
        return isSet(value) && "false".equalsIgnoreCase(value.getValue().trim());
    }
}
