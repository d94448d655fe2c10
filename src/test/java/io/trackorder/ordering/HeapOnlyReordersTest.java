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
 * Reorders and moves are heap-only updates: every row they move gets its new version on its own
 * page and no index entry, because no index covers a position; and a move writes only the rows
 * whose position changes. Checked in PostgreSQL's own counters of
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

    @Test
    void movesWriteOnlyTheRowsThatMove() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> members = caller.addNewTracks(collection, COLLECTION_SIZE);
        String moves = caller.path("/collections/" + collection + "/order/moves");
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(RELEASE_SIZE);
        List<String> tracks = member.trackIds(release);
        String releaseMoves = "/releases/" + release + "/tracks/move";

        try (Connection db = TestDatabase.connect()) {
            Updates collectionsBefore = settled(db, "collection_tracks");
            Updates releasesBefore = settled(db, "release_tracks");

            // Positions 2 … 4 before 8: the range and the three it passes move, 6 rows.
            caller.request().body(Map.of("range_start", 2, "range_length", 3, "insert_before", 8)).post(moves)
                    .then().statusCode(200);
            List<String> ranged = new ArrayList<>(members);
            ranged.addAll(8, members.subList(2, 5));
            ranged.subList(2, 5).clear();
            assertEquals(ranged, caller.order(collection));
            // The member at 9 before the one at 6: it and the three it passes move, 4 rows.
            caller.request().body(Map.of("track_ids", List.of(ranged.get(9)), "before_track_id", ranged.get(6)))
                    .post(moves).then().statusCode(200);
            List<String> anchored = new ArrayList<>(ranged);
            anchored.add(6, anchored.remove(9));
            assertEquals(anchored, caller.order(collection));

            // Tracks 1 … 2 before 5: 4 rows; then track 6 after track 4: 2 rows.
            member.request().body(Map.of("rangeStart", 0, "rangeLength", 2, "insertBefore", 4)).post(releaseMoves)
                    .then().statusCode(200);
            List<String> releaseRanged = new ArrayList<>(tracks.subList(2, 4));
            releaseRanged.addAll(tracks.subList(0, 2));
            releaseRanged.addAll(tracks.subList(4, 6));
            assertEquals(releaseRanged, member.trackIds(release));
            member.request().body(Map.of("trackIds", List.of(releaseRanged.get(5)), "afterTrackId", releaseRanged.get(3)))
                    .post(releaseMoves).then().statusCode(200);
            List<String> releaseAnchored = new ArrayList<>(releaseRanged);
            releaseAnchored.add(4, releaseAnchored.remove(5));
            assertEquals(releaseAnchored, member.trackIds(release));

            assertEquals(new Updates(6 + 4, 6 + 4), counted(db, "collection_tracks", collectionsBefore, 6 + 4),
                    "updates of collection members: only the moved ones, heap-only");
            assertEquals(new Updates(4 + 2, 4 + 2), counted(db, "release_tracks", releasesBefore, 4 + 2),
                    "updates of release tracks: only the moved ones, heap-only");
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
