package io.trackorder.database.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Dev mode's embedded PostgreSQL keeps its data in a directory across restarts, also after a run
 * that was killed; tests always run on a throwaway database.
 */
@QuarkusTest
class DevDatabaseTest {

    @TempDir
    Path temp;

    @Test
    void keepsItsDataAcrossRestarts() throws Exception {
        Path directory = temp.resolve("dev-postgres");
        try (EmbeddedPostgres first = EmbeddedPostgresServer.start(Optional.of(directory))) {
            execute(first, "CREATE TABLE notes (text text)", "INSERT INTO notes VALUES ('written before the restart')");
            // What a dev-mode reload, which loads the server's class afresh, finds.
            assertEquals(OptionalInt.of(first.getPort()), DataDirectory.portOfServerInThisJvm(directory.toAbsolutePath()));
        }
        assertEquals(OptionalInt.empty(), DataDirectory.portOfServerInThisJvm(directory.toAbsolutePath()));
        try (EmbeddedPostgres second = EmbeddedPostgresServer.start(Optional.of(directory))) {
            assertEquals(List.of("written before the restart"), notes(second));
        }
    }

    @Test
    void startsAgainAfterARunThatWasKilled() throws Exception {
        Path directory = temp.resolve("dev-postgres");
        Process killedRun = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledRun.class.getName(), directory.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(killedRun.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals(KilledRun.READY, waitForLine(output, KilledRun.READY));
        } finally {
            killedRun.destroyForcibly().waitFor();
        }
        long orphan = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false),
                "the killed run's server still runs on the directory");

        try (EmbeddedPostgres restarted = EmbeddedPostgresServer.start(Optional.of(directory))) {
            assertEquals(List.of("written by the killed run"), notes(restarted));
            assertFalse(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false), "the orphan was stopped");
        }
    }

    @Test
    void startsAgainWhenThePidFileNamesAnotherProcess() throws Exception {
        Path directory = temp.resolve("dev-postgres");
        try (EmbeddedPostgres first = EmbeddedPostgresServer.start(Optional.of(directory))) {
            execute(first, "CREATE TABLE notes (text text)", "INSERT INTO notes VALUES ('kept')");
        }
        // As after a reboot, when the dead server's process id belongs to another program: this JVM.
        Files.writeString(directory.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + directory + "\n");
        try (EmbeddedPostgres second = EmbeddedPostgresServer.start(Optional.of(directory))) {
            assertEquals(List.of("kept"), notes(second));
        }
        assertTrue(ProcessHandle.current().isAlive());
    }

    @Test
    void testsRunOnAThrowawayDatabase() throws Exception {
        // With an external database configured (CI's second pass) no embedded server runs at all.
        assumeTrue(System.getenv("QUARKUS_DATASOURCE_REACTIVE_URL") == null
                && System.getProperty("quarkus.datasource.reactive.url") == null, "the tests run on an external database");
        assertTrue(ConfigProvider.getConfig()
                .getOptionalValue(EmbeddedPostgresConfigSourceFactory.DATA_DIRECTORY, String.class).isEmpty());
        try (Connection db = TestDatabase.connect();
                Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SHOW data_directory")) {
            row.next();
            Path dataDirectory = Path.of(row.getString(1));
            assertTrue(dataDirectory.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), dataDirectory.toString());
            assertFalse(dataDirectory.toString().contains("dev-postgres"), dataDirectory.toString());
        }
    }

    /** A dev run that writes a row and is then killed ({@code kill -9}): its server outlives it. */
    public static final class KilledRun {

        static final String READY = "ready";

        public static void main(String[] args) throws Exception {
            EmbeddedPostgres postgres = EmbeddedPostgresServer.start(Optional.of(Path.of(args[0])));
            execute(postgres, "CREATE TABLE notes (text text)", "INSERT INTO notes VALUES ('written by the killed run')");
            System.out.println(READY);
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static String waitForLine(BufferedReader output, String expected) throws Exception {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals(expected)) {
                return line;
            }
        }
        return null;
    }

    private static void execute(EmbeddedPostgres postgres, String... statements) throws SQLException {
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement statement = db.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> notes(EmbeddedPostgres postgres) throws SQLException {
        try (Connection db = postgres.getPostgresDatabase().getConnection();
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT text FROM notes ORDER BY text")) {
            List<String> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            return notes;
        }
    }
}
