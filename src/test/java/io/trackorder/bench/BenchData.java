package io.trackorder.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.trackorder.support.ServiceDatabase;

/**
 * The benchmark's tenant, written straight into the service's schema: tracks t1..t{max}, one
 * collection c{N} of tracks t1..tN per latency size, and the throughput collections, each of
 * tracks t1..t{size}. Positions start in track order. Then the floors' own tables, copied from
 * these, and statistics for the planner on every table.
 */
final class BenchData {

    private BenchData() {
    }

    static void seed(ServiceDatabase database, String organization, String user, List<Integer> latencySizes,
            int firstThroughput, int lastThroughput, int throughputSize, Path floorTables)
            throws SQLException, IOException {
        int tracks = Math.max(throughputSize, latencySizes.stream().max(Integer::compare).orElse(0));
        try (Connection connection = database.connect()) {
            execute(connection, """
                    INSERT INTO tracks (organization_id, id, created_by, created_at)
                    SELECT ?, 't' || g, ?, now() FROM generate_series(1, ?) g""", organization, user, tracks);
            for (int size : latencySizes) {
                collections(connection, organization, user, size, size, size);
            }
            collections(connection, organization, user, firstThroughput, lastThroughput, throughputSize);
            try (Statement statement = connection.createStatement()) {
                statement.execute(Files.readString(floorTables));
                // The database is the benchmark's own, so this covers both sides' tables.
                statement.execute("VACUUM ANALYZE");
            }
        }
    }

    private static void collections(Connection connection, String organization, String user, int first, int last,
            int size) throws SQLException {
        execute(connection, """
                INSERT INTO collections (organization_id, id, owner_user_id, name, created_at, updated_at)
                SELECT ?, 'c' || c, ?, 'benchmark', now(), now() FROM generate_series(?, ?) c""",
                organization, user, first, last);
        execute(connection, """
                INSERT INTO collection_tracks (organization_id, collection_id, track_id, position, added_at)
                SELECT ?, 'c' || c, 't' || t, t - 1, now()
                FROM generate_series(?, ?) c, generate_series(1, ?) t""", organization, first, last, size);
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
