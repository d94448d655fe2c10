package io.trackorder.database.dev;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Points the datasource at an embedded PostgreSQL when the dev or test profile runs without a
 * configured database, so {@code ./mvnw quarkus:dev} and {@code ./mvnw verify} need only a JDK.
 * <p>
 * Production never gets here: the profile check comes first, and the embedded server's artifacts
 * are removed from the production application ({@code quarkus.class-loading.removed-artifacts}).
 * That is also why the server is looked up as a {@link DevDatabase} rather than named here.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    /**
     * {@code false} in JVMs that only call a service started elsewhere (the {@code *IT} tests'
     * JVM): their test configuration would otherwise start servers that nobody uses.
     */
    static final String ENABLED = "embedded-postgresql.enabled";
    private static final List<String> EMBEDDED_PROFILES = List.of("dev", "test");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean devOrTest = context.getProfiles().stream().anyMatch(EMBEDDED_PROFILES::contains);
        if (!devOrTest || isSet(context.getValue(REACTIVE_URL)) || isFalse(context.getValue(ENABLED))) {
            return List.of();
        }
        DevDatabase database = ServiceLoader.load(DevDatabase.class, getClass().getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No embedded PostgreSQL on the class path: configure "
                        + REACTIVE_URL + " (QUARKUS_DATASOURCE_REACTIVE_URL)"));
        Map<String, String> datasource = database.datasourceProperties();
        // Below application.properties (250) and env (300), so explicit settings still win.
        return List.of(new PropertiesConfigSource(datasource, "embedded-postgresql", 200));
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static boolean isFalse(ConfigValue value) {
        return isSet(value) && "false".equalsIgnoreCase(value.getValue().trim());
    }
}
