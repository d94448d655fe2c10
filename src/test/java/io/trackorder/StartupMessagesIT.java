package io.trackorder;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.trackorder.support.Api;
import io.trackorder.support.MessageBroker;
import io.trackorder.support.Releases;
import io.trackorder.support.ServiceDatabase;
import io.trackorder.support.ServiceProcess;

/**
 * The packaged application, in the production profile, says at start-up what is missing: one WARN
 * line per feature left off, naming the variable that turns it on, and none when all is configured;
 * without a database, one plain line naming the variables to set, and no stack trace.
 */
class StartupMessagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JWT_PUBLIC_KEY = Path.of("src", "test", "resources", "test-jwt", "public.pem");
    /** Looks like a JWT; no key verifies it. */
    /** Production waits 5 s on SIGTERM for load balancers; here it would only slow down stopping. */
    private static final String NO_SHUTDOWN_DELAY = "-Dquarkus.shutdown.delay=0s";
    private static final String BEARER_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c3Jfc3RhcnR1cCJ9.c2lnbmF0dXJl";

    private static ServiceDatabase database;

    @BeforeAll
    static void startDatabase() throws IOException {
        database = ServiceDatabase.fromEnvironmentOrEmbedded();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        database.close();
    }

    @Test
    void eachFeatureLeftOffIsOneWarningNamingItsVariable() throws Exception {
        // Empty, this hides a RABBITMQ_HOST that the environment names (the tests' broker).
        List<String> options = List.of(NO_SHUTDOWN_DELAY, "-Drabbitmq-host=");
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.JAR, options, database, "",
                log("unconfigured"))) {
            for (int attempt = 0; attempt < 2; attempt++) {
                given().port(service.port).get("/releases").then().statusCode(401);
                given().port(service.port).header("Authorization", "Bearer " + BEARER_TOKEN).get("/releases")
                        .then().statusCode(401);
            }
            List<JsonNode> warnings = awaitWarnings(service, 4);
            assertEquals(1, count(warnings, "MissingSettings", "/admin API", "MUSIC_ADMIN_TOKEN"), warnings.toString());
            assertEquals(1, count(warnings, "MissingSettings", "Releases API", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                    warnings.toString());
            assertEquals(1, count(warnings, "VerificationKey", "401", "MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                    warnings.toString());
            assertEquals(1, count(warnings, "BrokerSettings", "wait in the outbox", "RABBITMQ_HOST"), warnings.toString());
            assertEquals(4, warnings.size(), warnings.toString());
            assertTrue(warnings.stream().allMatch(line -> line.path("message").asText().contains("MP_JWT_VERIFY_PUBLICKEY")
                    || line.path("message").asText().contains("MUSIC_ADMIN_TOKEN")
                    || line.path("message").asText().contains("RABBITMQ_HOST")), warnings.toString());
            assertFalse(service.output().contains(BEARER_TOKEN), "no token in the log");
            assertFalse(service.output().contains("SRMSG00207"),
                    "no second warning of the events channel being off:\n" + service.output());
        }
    }

    @Test
    void noWarningWhenEverythingIsConfigured() throws Exception {
        List<String> options = new ArrayList<>(List.of(NO_SHUTDOWN_DELAY,
                "-Dmp.jwt.verify.publickey.location=" + JWT_PUBLIC_KEY.toAbsolutePath().toUri(),
                "-Dmp.jwt.verify.issuer=" + Releases.ISSUER));
        options.addAll(MessageBroker.fromEnvironmentOrEmbedded().serviceOptions());
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.JAR, options, database, Api.ADMIN_TOKEN,
                log("configured"))) {
            given().port(service.port).header("Authorization", "Bearer " + BEARER_TOKEN).get("/releases")
                    .then().statusCode(401);
            assertEquals(List.of(), awaitWarnings(service, 0));
        }
    }

    @Test
    void withoutADatabaseOnePlainLineNamesTheVariablesToSet() throws Exception {
        Path log = log("no-database");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ServiceProcess.JAR.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        // CI's second pass names its database in the environment; this start must have none.
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_DATASOURCE_"));
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(freePort()));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(freePort()));
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service exits");
        assertEquals(1, process.exitValue());

        String output = Files.readString(log);
        List<String> errors = output.lines().filter(line -> line.contains("ERROR")).toList();
        assertEquals(1, errors.size(), output);
        assertTrue(errors.get(0).startsWith("ERROR: no database configured"), output);
        for (String variable : List.of("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            assertTrue(errors.get(0).contains(variable), errors.get(0));
        }
        assertFalse(output.contains("\tat ") || output.contains("Exception") || output.contains("\"exception\""),
                "no stack trace:\n" + output);
    }

    /** A count that must be at least one stops the start when it is not, naming the setting. */
    @ParameterizedTest
    @CsvSource({ "MUSIC_HISTORY_RETAIN, music.history.retain", "MUSIC_EVENTS_BATCH_SIZE, music.events.batch-size" })
    void aCountBelowOneStopsTheStartNamingTheSetting(String variable, String property) throws Exception {
        Path log = log("below-one-" + property);
        Integer status = ServiceProcess.runToExit(Map.of(variable, "0"), database, log, Duration.ofSeconds(60));
        String output = Files.readString(log);

        assertNotNull(status, "the start ends by itself:\n" + output);
        assertNotEquals(0, status, output);
        assertFalse(output.contains("started in"), "the service never started:\n" + output);
        assertTrue(output.lines().anyMatch(line -> line.contains(property) && line.contains("must be at least 1, not 0")),
                output);
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
    }

    private static Path log(String configuration) throws IOException {
        return Files.createDirectories(Path.of("target", "failsafe-reports"))
                .resolve("StartupMessagesIT-" + configuration + "-service.log");
    }

    /**
     * The service's WARN lines of its own code, once at least {@code expected} are there (a 401's
     * line is written while the response goes out), or after a moment when none are expected.
     */
    private static List<JsonNode> awaitWarnings(ServiceProcess service, int expected) throws Exception {
        List<JsonNode> warnings = List.of();
        for (int attempt = 0; attempt < 20 && (expected == 0 || warnings.size() < expected); attempt++) {
            Thread.sleep(100);
            warnings = new ArrayList<>();
            for (String line : service.output().split("\n")) {
                if (!line.isBlank()) {
                    JsonNode parsed = JSON.readTree(line);
                    if ("WARN".equals(parsed.path("level").asText())
                            && parsed.path("loggerName").asText().startsWith("io.trackorder.")) {
                        warnings.add(parsed);
                    }
                }
            }
        }
        return warnings;
    }

    private static long count(List<JsonNode> warnings, String logger, String... words) {
        return warnings.stream().filter(line -> line.path("loggerName").asText().endsWith("." + logger)
                && List.of(words).stream().allMatch(line.path("message").asText()::contains)).count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
