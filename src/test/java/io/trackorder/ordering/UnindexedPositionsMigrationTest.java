package io.trackorder.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.TestDatabase;

/**
 * The migration that unindexes positions, run on lists written under the schema before it: the
 * lists keep their order, and afterwards no index or constraint covers a position, and both member
 * tables leave room on their pages for heap-only updates. Runs in a schema of its own.
 */
@QuarkusTest
class UnindexedPositionsMigrationTest {

    private static final String SCHEMA = "positions_migration";

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection db = TestDatabase.connect(); Statement sql = db.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void listsWrittenBeforeKeepTheirOrderAndLoseTheirPositionIndexes() throws SQLException {
        dropSchema();
        TestDatabase.flyway(SCHEMA, "3").migrate();
        List<String> collectionOrder;
        List<String> releaseOrder;
        try (Connection db = connect()) {
            seed(db);
            collectionOrder = strings(db, "SELECT track_id FROM collection_tracks ORDER BY position");
            releaseOrder = strings(db, "SELECT title FROM release_tracks ORDER BY track_number");
        }

        TestDatabase.flyway(SCHEMA, "latest").migrate();

        try (Connection db = connect()) {
            assertEquals(List.of("t3", "t1", "t4", "t0", "t2"), collectionOrder, "the seed's order");
            assertEquals(collectionOrder, TestDatabase.denseOrder(db, "org", "c"));
            assertEquals(List.of("second", "first", "third"), releaseOrder, "the seed's order");
            assertEquals(releaseOrder, strings(db, "SELECT title FROM release_tracks ORDER BY track_number"));
            assertEquals(List.of(), strings(db, """
                    SELECT i.indexrelid::regclass::text FROM pg_index i JOIN pg_attribute a
                      ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                    WHERE (i.indrelid = 'collection_tracks'::regclass AND a.attname = 'position')
                       OR (i.indrelid = 'release_tracks'::regclass AND a.attname = 'track_number')"""),
                    "indexes on a position");
            assertEquals(List.of(), strings(db, """
                    SELECT conname FROM pg_constraint
                    WHERE conrelid IN ('collection_tracks'::regclass, 'release_tracks'::regclass) AND contype = 'u'"""),
                    "unique constraints of the member tables");
            assertEquals(List.of("collection_tracks_by_track", "collection_tracks_pkey", "release_tracks_pkey"), strings(db, """
                    SELECT indexrelid::regclass::text FROM pg_index
                    WHERE indrelid IN ('collection_tracks'::regclass, 'release_tracks'::regclass) ORDER BY 1"""),
                    "the keys and the lookup by track stay");
            assertEquals(List.of("collection_tracks {fillfactor=70}", "release_tracks {fillfactor=70}"), strings(db, """
                    SELECT relname || ' ' || CAST(reloptions AS text) FROM pg_class
                    WHERE oid IN ('collection_tracks'::regclass, 'release_tracks'::regclass) ORDER BY 1"""));
        }
    }

    private static Connection connect() throws SQLException {
        Connection db = TestDatabase.connect();
        try (Statement sql = db.createStatement()) {
            sql.execute("SET search_path TO " + SCHEMA);
        }
        return db;
    }

    /** A collection of five tracks and a release of three, neither in the order they were inserted. */
    private static void seed(Connection db) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.execute("""
                    INSERT INTO tracks (organization_id, id, created_by, created_at)
                    SELECT 'org', 't' || i, 'usr', now() FROM generate_series(0, 4) i""");
            sql.execute("""
                    INSERT INTO collections (organization_id, id, owner_user_id, name, created_at, updated_at)
                    VALUES ('org', 'c', 'usr', 'before', now(), now())""");
            sql.execute("""
                    INSERT INTO collection_tracks (organization_id, collection_id, track_id, position, added_at)
                    VALUES ('org', 'c', 't0', 3, now()), ('org', 'c', 't1', 1, now()), ('org', 'c', 't2', 4, now()),
                           ('org', 'c', 't3', 0, now()), ('org', 'c', 't4', 2, now())""");
            sql.execute("INSERT INTO workspaces (workspace) VALUES ('ws')");
            sql.execute("""
                    INSERT INTO releases (tenant_id, id, tenant_user_id, title, display_artist, artists, status,
                                          main_genre, sub_genre, metadata, created_at, updated_at)
                    SELECT tenant_id, '00000000-0000-0000-0000-000000000001', 'usr', 'before', 'artist', '[]', 'draft',
                           '[]', '[]', '{}', now(), now() FROM workspaces""");
            sql.execute("""
                    INSERT INTO release_tracks (tenant_id, release_id, id, track_number, title, display_artist, artists,
                                                main_genre, sub_genre, contributors, metadata, created_at, updated_at)
                    SELECT tenant_id, '00000000-0000-0000-0000-000000000001', gen_random_uuid(), n, title, 'artist',
                           '[]', '[]', '[]', '{}', '{}', now(), now()
                    FROM workspaces, (VALUES (3, 'third'), (1, 'first'), (2, 'second')) AS t(n, title)""");
            // Renumbered under the old schema, as a reorder did: the unique constraint was deferrable.
            sql.execute("UPDATE release_tracks SET track_number = CASE track_number WHEN 1 THEN 2 WHEN 2 THEN 1 ELSE 3 END");
        }
    }

    private static List<String> strings(Connection db, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
