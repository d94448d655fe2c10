package io.trackorder.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Api;
import io.trackorder.support.TestDatabase;

/**
 * Proves the reorder's cost rule (src/site/markdown/api.md): one position-update statement whatever N is, and only
 * rows whose position changes are written. A statement-level trigger with a transition table
 * records every UPDATE statement on collection_tracks and how many rows it wrote.
 */
@QuarkusTest
class ReorderStatementTest {

    @BeforeAll
    static void recordUpdateStatements() throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS test_update_statements (id bigserial PRIMARY KEY, rows_written bigint)");
            sql.execute("""
                    CREATE OR REPLACE FUNCTION test_record_update() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        INSERT INTO test_update_statements (rows_written) SELECT count(*) FROM written;
                        RETURN NULL;
                    END $$""");
            sql.execute("DROP TRIGGER IF EXISTS test_record_update ON collection_tracks");
            sql.execute("""
                    CREATE TRIGGER test_record_update AFTER UPDATE ON collection_tracks
                    REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION test_record_update()""");
        }
    }

    @AfterAll
    static void stopRecording() throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS test_record_update ON collection_tracks");
            sql.execute("DROP FUNCTION IF EXISTS test_record_update()");
            sql.execute("DROP TABLE IF EXISTS test_update_statements");
        }
    }

    @Test
    void tenTracksAreReorderedByOneStatement() throws Exception {
        assertReversalIsOneStatement(10);
    }

    @Test
    void fiveThousandTracksAreReorderedByOneStatement() throws Exception {
        assertReversalIsOneStatement(5_000);
    }

    @Test
    void onlyMovedRowsAreWrittenAndAnUnchangedOrderWritesNone() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> tracks = TestDatabase.seedMembers(caller.organizationId(), caller.userId(), collection, 5_000);

        long mark = lastStatement();
        reorder(caller, collection, List.of(tracks.get(1), tracks.get(0)));
        assertEquals(List.of(2L), writtenSince(mark), "a swap of the first two writes two rows");

        mark = lastStatement();
        long revision = TestDatabase.revision(caller.organizationId(), collection);
        List<String> current = TestDatabase.denseOrder(caller.organizationId(), collection);
        reorder(caller, collection, current);
        reorder(caller, collection, current.subList(0, 100));
        reorder(caller, collection, List.of());
        assertEquals(0L, writtenSince(mark).stream().mapToLong(Long::longValue).sum(), "nothing written");
        assertEquals(revision, TestDatabase.revision(caller.organizationId(), collection), "revision unchanged");
    }

    private static void assertReversalIsOneStatement(int n) throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> tracks = TestDatabase.seedMembers(caller.organizationId(), caller.userId(), collection, n);
        List<String> reversed = new ArrayList<>(tracks);
        Collections.reverse(reversed);

        long mark = lastStatement();
        reorder(caller, collection, reversed);

        assertEquals(List.of((long) n), writtenSince(mark), "one UPDATE statement writing all " + n + " rows");
        assertEquals(reversed, TestDatabase.denseOrder(caller.organizationId(), collection));
        assertEquals(1, TestDatabase.revision(caller.organizationId(), collection));
    }

    private static void reorder(Api.Caller caller, String collection, List<String> ids) {
        caller.request().body(Map.of("ordered_track_ids", ids))
                .patch(caller.path("/collections/" + collection + "/order"))
                .then().statusCode(200);
    }

    private static long lastStatement() throws SQLException {
        try (Connection db = TestDatabase.connect();
                Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT coalesce(max(id), 0) FROM test_update_statements")) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Rows written by each UPDATE statement on collection_tracks since the mark, in order. */
    private static List<Long> writtenSince(long mark) throws SQLException {
        try (Connection db = TestDatabase.connect();
                Statement sql = db.createStatement();
                ResultSet rows = sql
                        .executeQuery("SELECT rows_written FROM test_update_statements WHERE id > " + mark + " ORDER BY id")) {
            List<Long> written = new ArrayList<>();
            while (rows.next()) {
                written.add(rows.getLong(1));
            }
            return written;
        }
    }
}
