package io.trackorder;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * Every list endpoint answers a deep page fast on tables the planner has no statistics for, as after
 * a bulk import with autovacuum off. The application runs on a schema of its own that Flyway
 * creates afresh at start; autovacuum is switched off for its tables before any data goes in, and
 * the test checks at the end that none of them was ever analyzed. A plan that depends on
 * statistics shows here: the collection's track list once read the organization's every track per
 * member and took over 5 s, past the database timeout: 503. A reorder of the whole list must be as
 * fast.
 */
@QuarkusTest
@TestProfile(ListsWithoutPlannerStatisticsTest.FreshSchema.class)
class ListsWithoutPlannerStatisticsTest {

    private static final String SCHEMA = "unanalyzed_lists";
    private static final int SIZE = 10_000;
    private static final int DEEP = 9_000;
    /**
     * Far above what these pages cost (a few milliseconds of SQL, plus HTTP on a busy machine), far
     * below the database timeout that a plan depending on statistics runs into.
     */
    private static final Duration FAST = Duration.ofSeconds(1);
    /**
     * A reorder writes the whole list: 1 s on a busy machine with a cold JIT. A nested-loop plan
     * would take minutes, and run into the statement timeout.
     */
    private static final Duration FAST_REORDER = Duration.ofSeconds(3);

    public static class FreshSchema implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.flyway.schemas", SCHEMA,
                    "quarkus.flyway.clean-at-start", "true",
                    "quarkus.flyway.clean-disabled", "false",
                    "quarkus.datasource.reactive.additional-properties.search_path", SCHEMA);
        }
    }

    @Test
    void deepPagesOfEveryListAreFastOnTablesNeverAnalyzed() throws Exception {
        Api.Caller caller = shortNamedCaller();
        Releases.Member member = Releases.newMember();
        member.request().get("/releases").then().statusCode(200); // numbers the workspace
        String collection;
        try (Connection db = connect()) {
            stopAutovacuum(db);
            assertEquals(1, count(db, "SELECT count(*) FROM api_keys WHERE organization_id = ?", caller.organizationId()),
                    "the application works in the schema of this test");
            collection = seed(db, caller, member);
        }

        String c = caller.path("/collections/" + collection);
        List<Check> checks = List.of(
                new Check("tracks of a collection", () -> caller.request()
                        .get(caller.path("/tracks?collection_id=" + collection + "&offset=" + DEEP + "&limit=50")),
                        "items[0].id", """
                                SELECT track_id FROM collection_tracks WHERE organization_id = ? AND collection_id = ?
                                AND position = %d""".formatted(DEEP), caller.organizationId(), collection),
                new Check("tracks created by the caller", () -> caller.request()
                        .get(caller.path("/tracks?offset=" + DEEP + "&limit=50")),
                        "items[0].id", """
                                SELECT id FROM tracks WHERE organization_id = ? AND created_by = ?
                                ORDER BY created_at DESC, id DESC OFFSET %d LIMIT 1""".formatted(DEEP),
                        caller.organizationId(), caller.userId()),
                new Check("collections", () -> caller.request().get(caller.path("/collections?offset=" + DEEP + "&limit=50")),
                        "items[0].id", """
                                SELECT id FROM collections WHERE organization_id = ? AND owner_user_id = ?
                                ORDER BY created_at DESC, id DESC OFFSET %d LIMIT 1""".formatted(DEEP),
                        caller.organizationId(), caller.userId()),
                new Check("members of a collection", () -> caller.request().get(c + "/tracks?offset=" + DEEP + "&limit=200"),
                        "items[0].track_id", """
                                SELECT track_id FROM collection_tracks WHERE organization_id = ? AND collection_id = ?
                                AND position = %d""".formatted(DEEP), caller.organizationId(), collection),
                new Check("releases of their owner", () -> member.request().get("/releases?limit=20&page=" + (DEEP / 20 + 1)),
                        "data.releases[0].id", """
                                SELECT CAST(id AS text) FROM releases WHERE tenant_user_id = ?
                                ORDER BY created_at DESC, id DESC OFFSET %d LIMIT 1""".formatted(DEEP), member.userId()),
                new Check("releases of a workspace, for its admin", () -> member.adminOfWorkspace().request()
                        .get("/releases?status=draft&limit=20&page=" + (DEEP / 20 + 1)),
                        "data.releases[0].id", """
                                SELECT CAST(id AS text) FROM releases WHERE tenant_user_id = ?
                                ORDER BY created_at DESC, id DESC OFFSET %d LIMIT 1""".formatted(DEEP), member.userId()),
                new Check("releases found by a search", () -> member.request()
                        .get("/releases?search=release&limit=20&page=" + (DEEP / 20 + 1)),
                        "data.releases[0].id", """
                                SELECT CAST(id AS text) FROM releases WHERE tenant_user_id = ?
                                ORDER BY created_at DESC, id DESC OFFSET %d LIMIT 1""".formatted(DEEP), member.userId()));

        List<String> slow = new ArrayList<>();
        try (Connection db = connect()) {
            for (Check check : checks) {
                long best = Long.MAX_VALUE;
                for (int attempt = 0; attempt < 3; attempt++) {
                    long started = System.nanoTime();
                    Response response = check.call().get();
                    best = Math.min(best, System.nanoTime() - started);
                    response.then().statusCode(200).body(check.firstId(),
                            equalTo(text(db, check.expectedSql(), check.parameters())));
                }
                if (best > FAST.toNanos()) {
                    slow.add(check.name() + ": " + TimeUnit.NANOSECONDS.toMillis(best) + " ms");
                }
            }
            reorderWholeList(db, caller, collection, slow);
            assertEquals(List.of(), analyzedTables(db), "tables analyzed during the test");
        }
        assertTrue(slow.isEmpty(), "deep pages slower than " + FAST.toMillis() + " ms: " + slow);
    }

    /**
     * Reverses the whole list in one reorder. The planner, without statistics, underestimates the
     * list; a nested-loop join would rescan the new positions for each of its 10,000 rows, far past
     * the statement timeout (503), where the hash join the reorder is held to takes well under a
     * second.
     */
    private static void reorderWholeList(Connection db, Api.Caller caller, String collection, List<String> slow)
            throws SQLException {
        List<String> reversed = texts(db, """
                SELECT track_id FROM collection_tracks WHERE organization_id = ? AND collection_id = ?
                ORDER BY position DESC""", caller.organizationId(), collection);
        long started = System.nanoTime();
        Response response = caller.request().body(Map.of("ordered_track_ids", reversed))
                .patch(caller.path("/collections/" + collection + "/order"));
        long took = System.nanoTime() - started;
        response.then().statusCode(200);
        assertEquals(reversed, texts(db, """
                SELECT track_id FROM collection_tracks WHERE organization_id = ? AND collection_id = ?
                ORDER BY position""", caller.organizationId(), collection));
        if (took > FAST_REORDER.toNanos()) {
            slow.add("reorder of " + reversed.size() + " tracks: " + TimeUnit.NANOSECONDS.toMillis(took) + " ms");
        }
    }

    /** A caller of a new organization with a short user id, as in the seed's examples ({@code usr_42}). */
    private static Api.Caller shortNamedCaller() {
        String organization = Api.uniqueId("org_");
        String key = Api.admin().body(Map.of("organization_id", organization, "user_id", "usr_42", "name", "lists"))
                .post("/admin/api-keys").then().statusCode(201).extract().path("api_key");
        return new Api.Caller(organization, "usr_42", key);
    }

    /** A list call, and the SQL that finds the id its page must start with. */
    private record Check(String name, Supplier<Response> call, String firstId, String expectedSql, String... parameters) {
    }

    private static Connection connect() throws SQLException {
        Connection db = TestDatabase.connect();
        db.createStatement().execute("SET search_path TO " + SCHEMA);
        return db;
    }

    private static void stopAutovacuum(Connection db) throws SQLException {
        assertEquals(List.of(), analyzedTables(db), "Flyway made the tables just now");
        try (ResultSet tables = db.createStatement().executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = '" + SCHEMA + "'")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                db.createStatement().execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
            }
        }
    }

    /** Tables of the schema that were analyzed or vacuumed (and so have statistics): none, before and after. */
    private static List<String> analyzedTables(Connection db) throws SQLException {
        List<String> analyzed = new ArrayList<>();
        try (ResultSet rows = db.createStatement().executeQuery("""
                SELECT relname FROM pg_stat_user_tables WHERE schemaname = '%s'
                AND (last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL
                     OR last_vacuum IS NOT NULL OR last_autovacuum IS NOT NULL)""".formatted(SCHEMA))) {
            while (rows.next()) {
                analyzed.add(rows.getString(1));
            }
        }
        return analyzed;
    }

    /**
     * 10,000 tracks of the caller in one collection in a shuffled order (and 1,000 of a colleague),
     * 10,000 collections of the caller, 10,000 releases of the member. The shape matters: without
     * statistics the planner goes by the sizes of tables and indexes, and the old join was planned
     * well with 15,000 tracks, or with user ids of 16 characters (a larger index by creator).
     */
    private static String seed(Connection db, Api.Caller caller, Releases.Member member) throws SQLException {
        String organization = caller.organizationId();
        String collection = "mcoll_" + "0".repeat(15) + "1";
        update(db, """
                INSERT INTO tracks (organization_id, id, created_by, title, created_at)
                SELECT ?, 'mtrack_' || lpad(to_hex(i), 16, '0'), CASE WHEN i <= %d THEN ? ELSE 'usr_7' END,
                       'track ' || i, now() - i * interval '1 second'
                FROM generate_series(1, %d) i""".formatted(SIZE, SIZE + SIZE / 10), organization, caller.userId());
        update(db, """
                INSERT INTO collections (organization_id, id, owner_user_id, name, created_at, updated_at)
                SELECT ?, 'mcoll_' || lpad(to_hex(i), 16, '0'), ?, 'collection ' || i, now() - i * interval '1 second', now()
                FROM generate_series(1, %d) i""".formatted(SIZE), organization, caller.userId());
        update(db, """
                INSERT INTO collection_tracks (organization_id, collection_id, track_id, position, added_at)
                SELECT organization_id, ?, id, row_number() OVER (ORDER BY md5(id)) - 1, now()
                FROM tracks WHERE organization_id = ? AND created_by = ?""", collection, organization, caller.userId());
        update(db, """
                INSERT INTO releases (tenant_id, id, tenant_user_id, title, display_artist, artists, status,
                                      main_genre, sub_genre, metadata, created_at, updated_at)
                SELECT (SELECT tenant_id FROM workspaces WHERE workspace = ?), gen_random_uuid(), ?, 'release ' || i,
                       'artist', '[]', 'draft', '[]', '[]', '{}', now() - i * interval '1 second', now()
                FROM generate_series(1, %d) i""".formatted(SIZE), member.workspace(), member.userId());
        return collection;
    }

    private static void update(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static long count(Connection db, String sql, String... parameters) throws SQLException {
        return Long.parseLong(text(db, sql, parameters));
    }

    private static List<String> texts(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> texts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        }
    }

    private static String text(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), sql);
                return rows.getString(1);
            }
        }
    }
}
