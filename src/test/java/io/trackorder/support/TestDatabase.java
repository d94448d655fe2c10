package io.trackorder.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/** Plain JDBC to the database the application under test uses, to seed data and check invariants. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    /** The application's migrations up to {@code target} ("latest" for all), in a schema of their own. */
    public static Flyway flyway(String schema, String target) {
        return Flyway.configure()
                .dataSource(url(), user(), password())
                .schemas(schema)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static String user() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
    }

    private static String password() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse(null);
    }

    /** Track ids of a collection by position, with the positions checked to be exactly 0..n-1. */
    public static List<String> denseOrder(String organizationId, String collectionId) throws SQLException {
        try (Connection db = connect()) {
            return denseOrder(db, organizationId, collectionId);
        }
    }

    /** {@link #denseOrder(String, String)} over a given connection, for a database the tests started themselves. */
    public static List<String> denseOrder(Connection db, String organizationId, String collectionId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT track_id, position FROM collection_tracks WHERE organization_id = ? AND collection_id = ? ORDER BY position")) {
            query.setString(1, organizationId);
            query.setString(2, collectionId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getInt(2) != ids.size()) {
                        throw new AssertionError("positions are not dense at " + ids.size() + ": " + rows.getInt(2));
                    }
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** Track ids of a release by track number, with the numbers checked to be exactly 1..n. */
    public static List<String> denseTrackNumbers(String releaseId) throws SQLException {
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT CAST(id AS text), track_number FROM release_tracks WHERE release_id = CAST(? AS uuid) ORDER BY track_number")) {
            query.setString(1, releaseId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getInt(2) != ids.size() + 1) {
                        throw new AssertionError("track numbers are not dense at " + (ids.size() + 1) + ": " + rows.getInt(2));
                    }
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    public static long revision(String organizationId, String collectionId) throws SQLException {
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT revision FROM collections WHERE organization_id = ? AND id = ?")) {
            query.setString(1, organizationId);
            query.setString(2, collectionId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Titles of a release's tracks by track number. */
    public static List<String> releaseTrackTitles(String releaseId) throws SQLException {
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT title FROM release_tracks WHERE release_id = CAST(? AS uuid) ORDER BY track_number")) {
            query.setString(1, releaseId);
            List<String> titles = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    titles.add(rows.getString(1));
                }
            }
            return titles;
        }
    }

    public static long releaseRevision(String releaseId) throws SQLException {
        try (Connection db = connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT revision FROM releases WHERE id = CAST(? AS uuid)")) {
            query.setString(1, releaseId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Every row of an organization and of a workspace, as JSON text: equal snapshots mean nothing of theirs changed. */
    public static List<String> rows(String organizationId, String workspace) throws SQLException {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("""
                SELECT 'api_keys ' || row_to_json(k)::text FROM api_keys k WHERE k.organization_id = ?
                UNION ALL SELECT 'tracks ' || row_to_json(t)::text FROM tracks t WHERE t.organization_id = ?
                UNION ALL SELECT 'collections ' || row_to_json(c)::text FROM collections c WHERE c.organization_id = ?
                UNION ALL SELECT 'collection_tracks ' || row_to_json(m)::text FROM collection_tracks m
                    WHERE m.organization_id = ?
                UNION ALL SELECT 'collection_order_history ' || row_to_json(h)::text FROM collection_order_history h
                    WHERE h.organization_id = ?
                UNION ALL SELECT 'releases ' || row_to_json(r)::text FROM releases r JOIN workspaces w USING (tenant_id)
                    WHERE w.workspace = ?
                UNION ALL SELECT 'release_tracks ' || row_to_json(t)::text FROM release_tracks t
                    JOIN workspaces w USING (tenant_id) WHERE w.workspace = ?
                UNION ALL SELECT 'release_order_history ' || row_to_json(h)::text FROM release_order_history h
                    JOIN workspaces w USING (tenant_id) WHERE w.workspace = ?
                ORDER BY 1""")) {
            for (int i = 1; i <= 5; i++) {
                query.setString(i, organizationId);
            }
            for (int i = 6; i <= 8; i++) {
                query.setString(i, workspace);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }

    /** Adds {@code count} new tracks to a collection straight in the database; returns their ids in order. */
    public static List<String> seedMembers(String organizationId, String userId, String collectionId, int count)
            throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement tracks = db.prepareStatement("""
                    INSERT INTO tracks (organization_id, id, created_by, created_at)
                    SELECT ?, ? || g, ?, now() FROM generate_series(0, ? - 1) g""");
                    PreparedStatement members = db.prepareStatement("""
                            INSERT INTO collection_tracks (organization_id, collection_id, track_id, position, added_at)
                            SELECT ?, ?, ? || g, g, now() FROM generate_series(0, ? - 1) g""")) {
                String prefix = "mtrack_seed_" + collectionId + "_";
                tracks.setString(1, organizationId);
                tracks.setString(2, prefix);
                tracks.setString(3, userId);
                tracks.setInt(4, count);
                tracks.executeUpdate();
                members.setString(1, organizationId);
                members.setString(2, collectionId);
                members.setString(3, prefix);
                members.setInt(4, count);
                members.executeUpdate();
            }
            db.commit();
        }
        return denseOrder(organizationId, collectionId);
    }
}
