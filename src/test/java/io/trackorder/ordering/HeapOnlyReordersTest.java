package io.trackorder.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * Reorders are heap-only updates: every row a reorder moves gets its new version on its own page
 * and no index entry, because no index covers a position. Checked in PostgreSQL's own counters of
 * the member tables, which count every update and, of those, the heap-only ones. The counters are
 * collected asynchronously, so the test waits for them to settle before and after.
 */
@QuarkusTest
class HeapOnlyReordersTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final int COLLECTION_SIZE = 12;
    private static final int RELEASE_SIZE = 6;

    /** Updates of a table: all of them, and the heap-only ones. */
    private record Updates(long all, long heapOnly) {

        Updates since(Updates before) {
            return new Updates(all - before.all, heapOnly - before.heapOnly);
        }
    }

    @Test
    void reordersOfACollectionAndAReleaseWriteNoIndexEntry() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        for (int i = 0; i < COLLECTION_SIZE; i++) {
            caller.add(collection, caller.newTrack());
        }
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(RELEASE_SIZE);

        try (Connection db = TestDatabase.connect()) {
            Updates collectionsBefore = settled(db, "collection_tracks");
            Updates releasesBefore = settled(db, "release_tracks");

            // Reversed and back: every member moves twice, the second time onto pages that still
            // hold the first move's old versions, which PostgreSQL prunes to make room.
            for (int round = 0; round < 2; round++) {
                List<String> reversed = new ArrayList<>(caller.order(collection));
                Collections.reverse(reversed);
                caller.request().body(Map.of("ordered_track_ids", reversed))
                        .patch(caller.path("/collections/" + collection + "/order")).then().statusCode(200);
                assertEquals(reversed, caller.order(collection));

                List<String> tracks = new ArrayList<>(member.trackIds(release));
                Collections.reverse(tracks);
                member.request().body(Map.of("trackOrder", tracks)).post("/releases/" + release + "/tracks/reorder")
                        .then().statusCode(200);
                assertEquals(tracks, member.trackIds(release));
            }

            Updates collectionUpdates = counted(db, "collection_tracks", collectionsBefore, 2 * COLLECTION_SIZE);
            assertEquals(new Updates(2 * COLLECTION_SIZE, 2 * COLLECTION_SIZE), collectionUpdates,
                    "updates of collection members, all of them heap-only");
            Updates releaseUpdates = counted(db, "release_tracks", releasesBefore, 2 * RELEASE_SIZE);
            assertEquals(new Updates(2 * RELEASE_SIZE, 2 * RELEASE_SIZE), releaseUpdates,
                    "updates of release tracks, all of them heap-only");
        }
    }

    /** The counters once earlier tests' updates have all been reported: unchanged for two seconds. */
    private static Updates settled(Connection db, String table) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Updates last = updates(db, table);
        while (System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            Updates now = updates(db, table);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the update counters of " + table + " kept changing for " + SETTLE);
    }

    /** The updates since {@code before}, once at least {@code expected} of them are reported. */
    private static Updates counted(Connection db, String table, Updates before, long expected) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Updates since = updates(db, table).since(before);
        while (since.all() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            since = updates(db, table).since(before);
        }
        return since;
    }

    private static Updates updates(Connection db, String table) throws SQLException {
        // A transaction sees one snapshot of the statistics until it is cleared.
        try (Statement clear = db.createStatement()) {
            clear.execute("SELECT pg_stat_clear_snapshot()");
        }
        try (PreparedStatement query = db.prepareStatement(
                "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relid = CAST(? AS regclass)")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new Updates(rows.getLong(1), rows.getLong(2));
            }
        }
    }
}
