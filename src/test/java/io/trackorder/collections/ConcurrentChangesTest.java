package io.trackorder.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Api;
import io.trackorder.support.Concurrently;
import io.trackorder.support.TestDatabase;

/**
 * Many clients change one collection at once: reorders, adds, removes and track deletions.
 * Afterwards positions are dense and unique, and the members are exactly what the calls imply.
 */
@QuarkusTest
class ConcurrentChangesTest {

    @Test
    void concurrentChangesOfOneCollectionLoseNothing() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> untouched = newTracks(caller, 15);
        List<String> removed = newTracks(caller, 10);
        List<String> deleted = newTracks(caller, 5);
        List<String> added = newTracks(caller, 10);
        List<String> initial = new ArrayList<>(untouched);
        initial.addAll(removed);
        initial.addAll(deleted);
        Collections.shuffle(initial, random);
        initial.forEach(track -> caller.add(collection, track));
        long revisionBefore = TestDatabase.revision(caller.organizationId(), collection);

        List<String> everyId = new ArrayList<>(initial);
        everyId.addAll(added);
        List<IntSupplier> calls = new ArrayList<>();
        added.forEach(track -> calls.add(() -> caller.request().body(Map.of("track_id", track))
                .post(caller.path("/collections/" + collection + "/tracks")).statusCode()));
        removed.forEach(track -> calls.add(() -> caller.request()
                .delete(caller.path("/collections/" + collection + "/tracks/" + track)).statusCode()));
        deleted.forEach(track -> calls.add(() -> caller.request().delete(caller.path("/tracks/" + track)).statusCode()));
        for (int i = 0; i < 80; i++) {
            List<String> order = new ArrayList<>(everyId);
            Collections.shuffle(order, random);
            List<String> requested = order.subList(0, random.nextInt(order.size() + 1));
            calls.add(() -> caller.request().body(Map.of("ordered_track_ids", requested))
                    .patch(caller.path("/collections/" + collection + "/order")).statusCode());
        }
        Collections.shuffle(calls, random);

        for (int status : Concurrently.statuses(calls, 16)) {
            assertEquals(200, status, "every call succeeds (seed " + seed + ")");
        }

        List<String> finalOrder = TestDatabase.denseOrder(caller.organizationId(), collection);
        Set<String> expected = new HashSet<>(untouched);
        expected.addAll(added);
        assertEquals(finalOrder.size(), new HashSet<>(finalOrder).size(), "no track twice (seed " + seed + ")");
        assertEquals(expected, new HashSet<>(finalOrder), "members are what the calls imply (seed " + seed + ")");
        long changes = TestDatabase.revision(caller.organizationId(), collection) - revisionBefore;
        int membershipChanges = added.size() + removed.size() + deleted.size();
        assertTrue(changes >= membershipChanges && changes <= membershipChanges + 80,
                "one revision per change, got " + changes + " (seed " + seed + ")");
    }

    private static List<String> newTracks(Api.Caller caller, int count) {
        List<String> tracks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tracks.add(caller.newTrack());
        }
        return tracks;
    }
}
