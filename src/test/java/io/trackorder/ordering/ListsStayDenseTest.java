package io.trackorder.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.trackorder.support.Api;
import io.trackorder.support.CallTally;
import io.trackorder.support.PatientDatabase;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * No index or constraint keeps positions unique any more, only the list's row lock that every
 * writer takes. Sixteen clients add, remove and reorder on the same collections and releases, and
 * delete tracks that are members of every collection at once; afterwards every list's positions
 * are exactly 0 … n−1 (track numbers 1 … n), each held by one member.
 */
@QuarkusTest
@TestProfile(PatientDatabase.class)
class ListsStayDenseTest {

    private static final int CLIENTS = 16;
    private static final int LISTS = 3;
    private static final Set<Integer> OK = Set.of(200);

    @Test
    void concurrentWritersLeaveEveryListDense() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Api.Caller caller = Api.newCaller();
        Releases.Member owner = Releases.newMember();
        List<String> shared = tracks(caller, 6);
        List<String> deleted = shared.subList(0, 3);
        CallTally calls = new CallTally();
        deleted.forEach(track -> calls.add("delete a track of every collection", OK,
                () -> caller.request().delete(caller.path("/tracks/" + track)).statusCode()));

        Map<String, Set<String>> collections = new HashMap<>();
        for (int i = 0; i < LISTS; i++) {
            String collection = caller.newCollection();
            List<String> own = tracks(caller, 8);
            List<String> initial = new ArrayList<>(own);
            initial.addAll(shared);
            Collections.shuffle(initial, random);
            initial.forEach(track -> caller.add(collection, track));
            List<String> added = tracks(caller, 4);
            List<String> removed = own.subList(0, 4);
            String base = caller.path("/collections/" + collection);
            added.forEach(track -> calls.add("add", OK,
                    () -> caller.request().body(Map.of("track_id", track)).post(base + "/tracks").statusCode()));
            removed.forEach(track -> calls.add("remove", OK,
                    () -> caller.request().delete(base + "/tracks/" + track).statusCode()));
            List<String> every = new ArrayList<>(initial);
            every.addAll(added);
            for (int r = 0; r < 12; r++) {
                List<String> order = someOf(every, random);
                calls.add("reorder", OK, () -> caller.request().body(Map.of("ordered_track_ids", order))
                        .patch(base + "/order").statusCode());
            }
            Set<String> expected = new HashSet<>(every);
            removed.forEach(expected::remove);
            deleted.forEach(expected::remove);
            collections.put(collection, expected);
        }

        Map<String, Integer> releases = new HashMap<>();
        for (int i = 0; i < LISTS; i++) {
            String release = owner.newRelease(10);
            List<String> initial = owner.trackIds(release);
            List<String> kept = initial.subList(3, 10);
            String base = "/releases/" + release;
            for (int a = 0; a < 4; a++) {
                calls.add("add a release track", Set.of(201),
                        () -> owner.request().body(Map.of("title", "added")).post(base + "/tracks").statusCode());
            }
            initial.subList(0, 3).forEach(track -> calls.add("remove a release track", OK,
                    () -> owner.request().delete(base + "/tracks/" + track).statusCode()));
            for (int r = 0; r < 12; r++) {
                List<String> order = someOf(kept, random);
                calls.add("reorder a release", OK, () -> owner.request().body(Map.of("trackOrder", order))
                        .post(base + "/tracks/reorder").statusCode());
            }
            releases.put(release, 10 + 4 - 3);
        }
        calls.shuffle(random);

        String context = "seed " + seed;
        calls.run(CLIENTS, context);
        for (Map.Entry<String, Set<String>> collection : collections.entrySet()) {
            List<String> order = TestDatabase.denseOrder(caller.organizationId(), collection.getKey());
            assertEquals(collection.getValue(), new HashSet<>(order), "members (" + context + ")");
            assertEquals(order.size(), collection.getValue().size(), "each member once (" + context + ")");
        }
        for (Map.Entry<String, Integer> release : releases.entrySet()) {
            assertEquals(release.getValue(), TestDatabase.denseTrackNumbers(release.getKey()).size(),
                    "tracks (" + context + ")");
        }
    }

    /** A random part of the ids, in random order. */
    private static List<String> someOf(List<String> ids, Random random) {
        List<String> order = new ArrayList<>(ids);
        Collections.shuffle(order, random);
        return new ArrayList<>(order.subList(0, 1 + random.nextInt(order.size())));
    }

    private static List<String> tracks(Api.Caller caller, int count) {
        List<String> tracks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tracks.add(caller.newTrack());
        }
        return tracks;
    }
}
