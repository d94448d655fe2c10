package io.trackorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import io.restassured.RestAssured;
import io.trackorder.support.Api;
import io.trackorder.support.ServiceDatabase;
import io.trackorder.support.ServiceProcess;

/**
 * The schema migrated apart from the service's start, for short-lived instances
 * (src/site/markdown/deployment.md, Migrations for short-lived instances): a one-shot run of the
 * packaged application with {@code QUARKUS_INIT_AND_EXIT=true} migrates and exits, with a failure
 * status when a migration fails; a start with {@code quarkus.flyway.migrate-at-start=false} then does
 * no Flyway work, and refuses a schema that is behind instead of serving on it.
 * <p>
 * Each test gets an empty database of its own, on an embedded server: creating databases needs a
 * role that CI's external server does not grant.
 */
class SeparateMigrationIT {

    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Map<String, String> INIT_AND_EXIT = Map.of("QUARKUS_INIT_AND_EXIT", "true");
    private static final Map<String, String> MIGRATIONS_OFF = Map.of("QUARKUS_FLYWAY_MIGRATE_AT_START", "false");
    /** Quarkus waits up to 5 s for its own shutdown after the initialization; the rest is start-up. */
    private static final Duration ONE_SHOT_LIMIT = Duration.ofSeconds(60);
    private static final String FLYWAY_LOGGER = "org.flywaydb";
    private static final String STARTED = "started in";

    private static ServiceDatabase server;
    private ServiceDatabase database;
    private String testName;

    @BeforeAll
    static void startServer() throws IOException {
        server = ServiceDatabase.embedded();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @BeforeEach
    void createEmptyDatabase(TestInfo test) throws SQLException {
        testName = test.getTestMethod().orElseThrow().getName();
        database = server.database(Api.uniqueId("migrate_"));
        execute(server, "CREATE DATABASE " + database.database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        execute(server, "DROP DATABASE IF EXISTS " + database.database + " WITH (FORCE)");
    }

    @Test
    void aOneShotRunAppliesEveryMigrationToAnEmptyDatabaseAndExits() throws Exception {
        Path log = log("init-and-exit");
        assertEquals(0, ServiceProcess.runToExit(INIT_AND_EXIT, database, log, ONE_SHOT_LIMIT),
                "exit status within " + ONE_SHOT_LIMIT + "; see " + log);

        assertEquals(packagedVersions(), appliedVersions());
        String output = Files.readString(log);
        assertFalse(output.contains(STARTED), "the service itself never started:\n" + output);
    }

    @Test
    void withMigrationsOffAStartOnAMigratedDatabaseServesWithoutFlyway() throws Exception {
        assertEquals(0, ServiceProcess.runToExit(INIT_AND_EXIT, database, log("init-and-exit"), ONE_SHOT_LIMIT));
        List<String> history = history();

        // -D sets the same property as QUARKUS_FLYWAY_MIGRATE_AT_START=false.
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.JAR,
                List.of("-Dquarkus.flyway.migrate-at-start=false", "-Dquarkus.shutdown.delay=0s"), database,
                Api.ADMIN_TOKEN, log("migrations-off"))) {
            RestAssured.port = service.port;
            try {
                assertNotNull(Api.newCaller().newTrack());
            } finally {
                RestAssured.reset();
            }
            assertFalse(service.output().contains(FLYWAY_LOGGER), "Flyway did nothing:\n" + service.output());
        }
        assertEquals(history, history(), "no migration ran");
    }

    /**
     * Serving on a schema that is behind would fail request by request; the start fails instead, at
     * Hibernate's schema validation, and nothing is migrated.
     */
    @Test
    void withMigrationsOffAStartOnAnEmptyDatabaseFailsAndMigratesNothing() throws Exception {
        Path log = log("migrations-off-empty");
        Integer status = ServiceProcess.runToExit(MIGRATIONS_OFF, database, log, ONE_SHOT_LIMIT);
        String output = Files.readString(log);

        assertNotNull(status, "the start ends by itself within " + ONE_SHOT_LIMIT);
        assertNotEquals(0, status, output);
        assertFalse(output.contains(STARTED), "the service never started:\n" + output);
        assertTrue(output.contains("Schema validation: missing table"), output);
        assertFalse(output.contains(FLYWAY_LOGGER), "Flyway did nothing:\n" + output);
        assertFalse(hasHistoryTable(), "no schema history was created");
    }

    /** A Job that fails must say so: Kubernetes retries it and rollouts wait for it. */
    @Test
    void aOneShotRunWhoseMigrationFailsExitsWithAFailureStatus() throws Exception {
        assertEquals(0, ServiceProcess.runToExit(INIT_AND_EXIT, database, log("init-and-exit"), ONE_SHOT_LIMIT));
        // The newest migration that creates a table, and those after it, recorded as not applied:
        // applying it again fails, its table exists.
        String newest = newestCreatingATable();
        execute(database, "DELETE FROM flyway_schema_history WHERE CAST(version AS int) >= " + newest);

        Path log = log("init-and-exit-failing");
        Integer status = ServiceProcess.runToExit(INIT_AND_EXIT, database, log, ONE_SHOT_LIMIT);
        String output = Files.readString(log);
        assertNotNull(status, "the run ends by itself within " + ONE_SHOT_LIMIT);
        assertNotEquals(0, status, output);
        assertTrue(output.contains("V" + newest + "__"), "the log names the failed migration:\n" + output);
        assertFalse(appliedVersions().contains(newest), "the failed migration is not recorded as applied");
    }

    /** The version of the newest migration that creates a table, which cannot run twice. */
    private static String newestCreatingATable() throws IOException {
        List<String> versions = packagedVersions();
        for (int i = versions.size() - 1; i >= 0; i--) {
            String version = versions.get(i);
            try (Stream<Path> files = Files.list(MIGRATIONS)) {
                Path file = files.filter(f -> f.getFileName().toString().startsWith("V" + version + "__")).findFirst()
                        .orElseThrow();
                if (Files.readString(file).contains("CREATE TABLE")) {
                    return version;
                }
            }
        }
        throw new AssertionError("no migration creates a table");
    }

    /** The versions of the migrations the application carries, oldest first. */
    private static List<String> packagedVersions() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V\\d+__.+\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt)).toList();
        }
    }

    /** The versions the schema history records as successfully applied, oldest first. */
    private List<String> appliedVersions() throws SQLException {
        return query("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                + " ORDER BY installed_rank");
    }

    private List<String> history() throws SQLException {
        return query("SELECT installed_rank || ' ' || version || ' ' || installed_on FROM flyway_schema_history"
                + " ORDER BY installed_rank");
    }

    private boolean hasHistoryTable() throws SQLException {
        return !query("SELECT 1 FROM pg_tables WHERE tablename = 'flyway_schema_history'").isEmpty();
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static void execute(ServiceDatabase on, String sql) throws SQLException {
        try (Connection connection = on.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Path log(String run) throws IOException {
        return Files.createDirectories(Path.of("target", "failsafe-reports"))
                .resolve("SeparateMigrationIT-" + testName + "-" + run + "-service.log");
    }
}
