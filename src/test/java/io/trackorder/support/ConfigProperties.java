package io.trackorder.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.config.ConfigMappings;
import io.smallrye.jwt.config.JWTAuthContextInfoProvider;
import io.smallrye.reactive.messaging.annotations.ConnectorAttribute;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQConnector;
import io.trackorder.MusicConfig;

/**
 * The configuration properties the application knows, by the environment variable that sets each
 * one: Quarkus' own (from the configuration model every extension's runtime jar carries, with
 * its phase and default), the application's {@code music.*} mapping, the MicroProfile JWT
 * properties smallrye-jwt reads, and the RabbitMQ connector's global aliases ({@code rabbitmq-host}
 * and the like). Plus the values application.properties gives them.
 */
public final class ConfigProperties {

    /** A property, and when it is read: {@code RUN_TIME} or one of the build-time phases. */
    public record Property(String name, String phase, Optional<String> defaultValue) {

        public boolean readAtRunTime() {
            return RUN_TIME.equals(phase);
        }
    }

    public static final String RUN_TIME = "RUN_TIME";

    private static final String QUARKUS_MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";
    private static final Path APPLICATION_PROPERTIES = Path.of("src", "main", "resources", "application.properties");

    private final Map<String, Property> byEnvironmentVariable;
    private final Properties applicationProperties;

    private ConfigProperties(Map<String, Property> byEnvironmentVariable, Properties applicationProperties) {
        this.byEnvironmentVariable = byEnvironmentVariable;
        this.applicationProperties = applicationProperties;
    }

    public static ConfigProperties load() {
        Map<String, Property> known = new HashMap<>();
        quarkusModel(known);
        for (String name : ConfigMappings.getProperties(
                ConfigMappings.ConfigClass.configClass(MusicConfig.class, "music")).keySet()) {
            known.put(environmentVariable(name), new Property(name, RUN_TIME, Optional.empty()));
        }
        for (Field field : JWTAuthContextInfoProvider.class.getDeclaredFields()) {
            ConfigProperty property = field.getAnnotation(ConfigProperty.class);
            if (property != null) {
                known.put(environmentVariable(property.name()), new Property(property.name(), RUN_TIME, Optional.empty()));
            }
        }
        for (ConnectorAttribute attribute : RabbitMQConnector.class.getAnnotationsByType(ConnectorAttribute.class)) {
            if (!attribute.alias().isEmpty()) {
                Optional<String> defaultValue = ConnectorAttribute.NO_VALUE.equals(attribute.defaultValue())
                        ? Optional.empty()
                        : Optional.of(attribute.defaultValue());
                known.put(environmentVariable(attribute.alias()), new Property(attribute.alias(), RUN_TIME, defaultValue));
            }
        }
        Properties applicationProperties = new Properties();
        try (InputStream in = Files.newInputStream(APPLICATION_PROPERTIES)) {
            applicationProperties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigProperties(Collections.unmodifiableMap(known), applicationProperties);
    }

    /** The property this environment variable sets, if the application has one by that name. */
    public Optional<Property> forEnvironmentVariable(String name) {
        return Optional.ofNullable(byEnvironmentVariable.get(name));
    }

    /**
     * The value the production profile gives a property without any environment: application.properties
     * ({@code %prod.} first), else the Quarkus default.
     */
    public Optional<String> productionValue(String property) {
        String value = applicationProperties.getProperty("%prod." + property, applicationProperties.getProperty(property));
        if (value != null) {
            return Optional.of(value);
        }
        return byEnvironmentVariable.values().stream().filter(p -> p.name().equals(property)).findFirst()
                .flatMap(Property::defaultValue);
    }

    /** The environment variable for a property name: MicroProfile Config's rule. */
    public static String environmentVariable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    /** A duration as Quarkus reads it: a number of seconds, or ISO-8601 with or without "PT" ({@code 20s}). */
    public static Duration duration(String value) {
        String v = value.trim();
        if (v.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        return Duration.parse(v.startsWith("P") ? v : "PT" + v);
    }

    private static void quarkusModel(Map<String, Property> known) {
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL model : Collections.list(ConfigProperties.class.getClassLoader().getResources(QUARKUS_MODEL))) {
                try (InputStream in = model.openStream()) {
                    collect(json.readTree(in), known);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (known.isEmpty()) {
            throw new IllegalStateException("no " + QUARKUS_MODEL + " on the test class path");
        }
    }

    /** Every item of the model with a path is a property; sections nest them. */
    private static void collect(JsonNode node, Map<String, Property> known) {
        JsonNode path = node.path("path");
        if (path.hasNonNull("environmentVariable") && node.hasNonNull("phase")) {
            known.put(path.get("environmentVariable").asText(), new Property(path.path("property").asText(),
                    node.get("phase").asText(), Optional.ofNullable(node.path("defaultValue").textValue())));
        }
        node.elements().forEachRemaining(child -> collect(child, known));
    }
}
