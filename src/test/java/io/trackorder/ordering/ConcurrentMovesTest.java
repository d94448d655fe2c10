package io.trackorder.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.trackorder.support.Api;
import io.trackorder.support.CallTally;
import io.trackorder.support.PatientDatabase;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * Range moves, id moves, reorders, adds, removes and restores race over HTTP on one collection and
 * one release. Afterwards positions are dense and unique, and the history holds one entry per
 * revision, consecutive up to the list's, the newest holding the list's order: every effective
 * change got exactly one entry, and every add and remove is among them.
 */
@QuarkusTest
@TestProfile(PatientDatabase.class)
class ConcurrentMovesTest {

    private static final int CLIENTS = 16;
    private static final Set<Integer> OK = Set.of(200);

    /** A history entry as stored. */
    private record Stored(long revision, String change, List<String> order) {
    }

    @Test
    void racingChangesOfACollectionEachGetOneEntry() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> initial = caller.addNewTracks(collection, 12); // revisions 1 … 12, each an "add"
        List<String> removed = initial.subList(0, 3);
        List<String> kept = initial.subList(3, 12);
        List<String> added = List.of(caller.newTrack(), caller.newTrack(), caller.newTrack(), caller.newTrack());
        String base = caller.path("/collections/" + collection);
        CallTally calls = new CallTally();
        added.forEach(track -> calls.add("add", OK,
                () -> caller.request().body(Map.of("track_id", track)).post(base + "/tracks").statusCode()));
        removed.forEach(track -> calls.add("remove", OK,
                () -> caller.request().delete(base + "/tracks/" + track).statusCode()));
        // The list never has fewer than the 9 kept members, so these ranges always fit.
        for (int i = 0; i < 12; i++) {
            Map<String, Object> range = Map.of("range_start", random.nextInt(5), "range_length", 1 + random.nextInt(3),
                    "insert_before", random.nextInt(9));
            calls.add("range move", OK, () -> caller.request().body(range).post(base + "/order/moves").statusCode());
            List<String> ids = someOf(kept, random);
            Map<String, Object> idMove = Map.of("track_ids", ids.subList(1, ids.size()),
                    random.nextBoolean() ? "before_track_id" : "after_track_id", ids.get(0));
            calls.add("id move", OK, () -> caller.request().body(idMove).post(base + "/order/moves").statusCode());
        }
        for (int i = 0; i < 8; i++) {
            List<String> order = someOf(kept, random);
            calls.add("reorder", OK,
                    () -> caller.request().body(Map.of("ordered_track_ids", order)).patch(base + "/order").statusCode());
            int revision = 1 + random.nextInt(initial.size());
            calls.add("restore", OK, () -> caller.request().body(Map.of("revision", revision))
                    .post(base + "/order/restore").statusCode());
        }
        calls.shuffle(random);
        String context = "seed " + seed;
        calls.run(CLIENTS, context);

        List<String> order = TestDatabase.denseOrder(caller.organizationId(), collection);
        Set<String> members = new HashSet<>(kept);
        members.addAll(added);
        assertEquals(members, new HashSet<>(order), "members (" + context + ")");
        assertEquals(members.size(), order.size(), "each member once (" + context + ")");
        assertOneEntryPerRevision(stored("collection_order_history", "organization_id = ? AND collection_id = ?",
                caller.organizationId(), collection), 1, TestDatabase.revision(caller.organizationId(), collection),
                order, initial.size() + added.size(), removed.size(), context);
    }

    @Test
    void racingChangesOfAReleaseEachGetOneEntry() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Releases.Member owner = Releases.newMember();
        String release = owner.newRelease(10); // revision 0, an "add"
        List<String> initial = owner.trackIds(release);
        List<String> removed = initial.subList(0, 2);
        List<String> kept = initial.subList(2, 10);
        String base = "/releases/" + release + "/tracks";
        CallTally calls = new CallTally();
        for (int i = 0; i < 4; i++) {
            calls.add("add", Set.of(201),
                    () -> owner.request().body(Map.of("title", "added")).post(base).statusCode());
        }
        removed.forEach(track -> calls.add("remove", OK, () -> owner.request().delete(base + "/" + track).statusCode()));
        // The release never has fewer than the 8 kept tracks, so these ranges always fit.
        for (int i = 0; i < 10; i++) {
            Map<String, Object> range = Map.of("rangeStart", random.nextInt(4), "rangeLength", 1 + random.nextInt(3),
                    "insertBefore", random.nextInt(8));
            calls.add("range move", OK, () -> owner.request().body(range).post(base + "/move").statusCode());
            List<String> ids = someOf(kept, random);
            Map<String, Object> idMove = Map.of("trackIds", ids.subList(1, ids.size()),
                    random.nextBoolean() ? "beforeTrackId" : "afterTrackId", ids.get(0));
            calls.add("id move", OK, () -> owner.request().body(idMove).post(base + "/move").statusCode());
        }
        for (int i = 0; i < 6; i++) {
            List<String> order = someOf(kept, random);
            calls.add("reorder", OK,
                    () -> owner.request().body(Map.of("trackOrder", order)).post(base + "/reorder").statusCode());
            calls.add("restore", OK,
                    () -> owner.request().body(Map.of("revision", 0)).post(base + "/restore").statusCode());
        }
        calls.shuffle(random);
        String context = "seed " + seed;
        calls.run(CLIENTS, context);

        List<String> order = TestDatabase.denseTrackNumbers(release);
        assertEquals(kept.size() + 4, new HashSet<>(order).size(), "tracks (" + context + ")");
        assertTrue(order.containsAll(kept), "kept tracks (" + context + ")");
        assertOneEntryPerRevision(stored("release_order_history", "release_id = CAST(? AS uuid)", release), 0,
                TestDatabase.releaseRevision(release), order, 1 + 4, removed.size(), context);
    }

    /**
     * Entries at exactly the revisions {@code first} … {@code revision}, the newest holding
     * {@code order}, with as many adds and removes as were made (the other kinds may have been no-ops).
     */
    private static void assertOneEntryPerRevision(List<Stored> entries, long first, long revision, List<String> order,
            int adds, int removes, String context) {
        assertEquals(LongStream.rangeClosed(first, revision).boxed().toList(),
                entries.stream().map(Stored::revision).toList(), "one entry per revision (" + context + ")");
        assertEquals(order, entries.get(entries.size() - 1).order(), "the newest entry's order (" + context + ")");
        Map<String, Integer> kinds = new TreeMap<>();
        entries.forEach(entry -> kinds.merge(entry.change(), 1, Integer::sum));
        assertEquals(adds, kinds.getOrDefault("add", 0), "adds " + kinds + " (" + context + ")");
        assertEquals(removes, kinds.getOrDefault("remove", 0), "removes " + kinds + " (" + context + ")");
        assertTrue(Set.of("add", "remove", "move", "reorder", "restore").containsAll(kinds.keySet()),
                "kinds " + kinds + " (" + context + ")");
    }

    private static List<Stored> stored(String table, String list, String... keys) throws SQLException {
        try (Connection db = TestDatabase.connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT revision, change, CAST(track_ids AS text[]) FROM " + table + " WHERE " + list
                                + " ORDER BY revision")) {
            for (int i = 0; i < keys.length; i++) {
                query.setString(i + 1, keys[i]);
            }
            List<Stored> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Stored(rows.getLong(1), rows.getString(2),
                            Arrays.asList((String[]) rows.getArray(3).getArray())));
                }
            }
            return entries;
        }
    }

    /** At least two of the ids, distinct, in random order. */
    private static List<String> someOf(List<String> ids, Random random) {
        List<String> order = new ArrayList<>(ids);
        Collections.shuffle(order, random);
        return List.copyOf(order.subList(0, 2 + random.nextInt(order.size() - 1)));
    }
}
