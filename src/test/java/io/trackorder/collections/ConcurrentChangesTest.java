package io.trackorder.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.trackorder.ordering.MoveRule;
import io.trackorder.ordering.RangeMove;
import io.trackorder.support.Api;
import io.trackorder.support.CallTally;
import io.trackorder.support.Concurrently;
import io.trackorder.support.PatientDatabase;
import io.trackorder.support.TestDatabase;

/**
 * Many clients change a few hot collections at once: reorders (some conditional on a revision they
 * just read), adds and removes (some conditional), track deletions, and calls that must fail.
 * Afterwards every collection is dense and unique, its members are exactly what the successful
 * calls imply, every successful change got its own revision, and the status counts add up.
 */
@QuarkusTest
@TestProfile(PatientDatabase.class)
class ConcurrentChangesTest {

    private static final int COLLECTIONS = 3;
    private static final Set<Integer> OK = Set.of(200);
    private static final Set<Integer> OK_OR_STALE = Set.of(200, 412);

    /** One hot collection and the tracks each kind of call works on. */
    private static final class Hot {
        final String id;
        final List<String> untouched;
        final List<String> removed;
        final List<String> removedIfCurrent;
        final List<String> added;
        final List<String> addedIfCurrent;
        final List<String> addedTwice;
        final Map<String, Integer> conditionalOutcomes = new ConcurrentHashMap<>();
        /** Revisions reported by calls that must each have changed the membership. */
        final Queue<String> changeRevisions = new ConcurrentLinkedQueue<>();

        Hot(Api.Caller caller) {
            id = caller.newCollection();
            untouched = newTracks(caller, 10);
            removed = newTracks(caller, 5);
            removedIfCurrent = newTracks(caller, 4);
            added = newTracks(caller, 5);
            addedIfCurrent = newTracks(caller, 4);
            addedTwice = newTracks(caller, 2);
        }

        List<String> initial() {
            List<String> initial = new ArrayList<>(untouched);
            initial.addAll(removed);
            initial.addAll(removedIfCurrent);
            return initial;
        }

        List<String> everyTrack() {
            List<String> every = initial();
            every.addAll(added);
            every.addAll(addedIfCurrent);
            every.addAll(addedTwice);
            return every;
        }
    }

    @Test
    void mixedChangesOfHotCollectionsLoseNothing() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Api.Caller caller = Api.newCaller();
        List<String> deleted = newTracks(caller, 3);
        List<Hot> hot = new ArrayList<>();
        Map<String, Long> revisionsBefore = new ConcurrentHashMap<>();
        for (int i = 0; i < COLLECTIONS; i++) {
            Hot list = new Hot(caller);
            List<String> initial = list.initial();
            initial.addAll(deleted);
            Collections.shuffle(initial, random);
            initial.forEach(track -> caller.add(list.id, track));
            revisionsBefore.put(list.id, TestDatabase.revision(caller.organizationId(), list.id));
            hot.add(list);
        }

        CallTally calls = new CallTally();
        deleted.forEach(track -> calls.add("delete track", OK,
                () -> caller.request().delete(caller.path("/tracks/" + track)).statusCode()));
        for (Hot list : hot) {
            String base = "/collections/" + list.id;
            list.added.forEach(track -> calls.add("add", OK, () -> change(list, add(caller, base, track, null))));
            list.addedTwice.forEach(track -> {
                calls.add("add again", OK, () -> add(caller, base, track, null).statusCode());
                calls.add("add again", OK, () -> add(caller, base, track, null).statusCode());
            });
            list.removed.forEach(track -> calls.add("remove", OK, () -> change(list, remove(caller, base, track, null))));
            list.addedIfCurrent.forEach(track -> calls.add("add if current", OK_OR_STALE,
                    () -> conditional(list, track, add(caller, base, track, etag(caller, base)))));
            list.removedIfCurrent.forEach(track -> calls.add("remove if current", OK_OR_STALE,
                    () -> conditional(list, track, remove(caller, base, track, etag(caller, base)))));
            for (int i = 0; i < 30; i++) {
                List<String> order = randomOrder(list.everyTrack(), random);
                calls.add("reorder", OK, () -> reorder(caller, base, order, null).statusCode());
            }
            for (int i = 0; i < 10; i++) {
                List<String> order = randomOrder(list.everyTrack(), random);
                calls.add("reorder if current", OK_OR_STALE,
                        () -> reorder(caller, base, order, etag(caller, base)).statusCode());
            }
            List<String> twice = List.of(list.untouched.get(0), list.untouched.get(1), list.untouched.get(0));
            calls.add("reorder with a duplicate", Set.of(422), () -> reorder(caller, base, twice, null).statusCode());
            calls.add("add a missing track", Set.of(404),
                    () -> add(caller, base, "mtrack_0000000000000000", null).statusCode());
        }
        calls.shuffle(random);

        String context = "seed " + seed;
        Map<Integer, Integer> counts = calls.run(24, context);
        assertEquals(2 * COLLECTIONS, counts.getOrDefault(422, 0) + counts.getOrDefault(404, 0), context);
        assertEquals(CallTally.ofClass(counts, 2) + CallTally.ofClass(counts, 4),
                counts.values().stream().mapToInt(Integer::intValue).sum(), "only 2xx and 4xx: " + counts);

        for (Hot list : hot) {
            List<String> order = TestDatabase.denseOrder(caller.organizationId(), list.id);
            assertEquals(order.size(), new HashSet<>(order).size(), "no track twice (" + context + ")");
            Set<String> expected = new HashSet<>(list.untouched);
            expected.addAll(list.added);
            expected.addAll(list.addedTwice);
            list.addedIfCurrent.stream().filter(t -> list.conditionalOutcomes.get(t) == 200).forEach(expected::add);
            list.removedIfCurrent.stream().filter(t -> list.conditionalOutcomes.get(t) == 412).forEach(expected::add);
            assertEquals(expected, new HashSet<>(order), "members are what the calls imply (" + context + ")");

            long changes = TestDatabase.revision(caller.organizationId(), list.id) - revisionsBefore.get(list.id);
            long membershipChanges = list.added.size() + list.addedTwice.size() + list.removed.size() + deleted.size()
                    + list.conditionalOutcomes.values().stream().filter(status -> status == 200).count();
            assertTrue(changes >= membershipChanges && changes <= membershipChanges + 40,
                    "one revision per change: " + changes + " for " + membershipChanges + " membership changes ("
                            + context + ")");
            assertEquals(list.changeRevisions.size(), new HashSet<>(list.changeRevisions).size(),
                    "each change got its own revision: " + list.changeRevisions + " (" + context + ")");
        }
    }

    private static Response add(Api.Caller caller, String base, String track, String ifMatch) {
        return conditionally(caller, ifMatch).body(Map.of("track_id", track)).post(caller.path(base + "/tracks"));
    }

    /**
     * Concurrent moves of one collection run one after another: each history entry is one of the
     * requested moves applied to the order of the entry before it, and the last is the order.
     */
    @Test
    void concurrentMovesAreEachOneEntryAppliedToTheOrderBeforeIt() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> tracks = caller.addNewTracks(collection, 12);
        List<UnaryOperator<List<String>>> moves = new ArrayList<>();
        List<IntSupplier> calls = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            if (i % 3 == 0) {
                int start = random.nextInt(tracks.size());
                RangeMove move = new RangeMove(start, 1 + random.nextInt(tracks.size() - start),
                        random.nextInt(tracks.size() + 1));
                moves.add(order -> MoveRule.moveRange(order, move));
                calls.add(() -> caller.move(collection, Map.of("range_start", move.start(), "range_length",
                        move.length(), "insert_before", move.insertBefore())).statusCode());
            } else {
                List<String> shuffled = new ArrayList<>(tracks);
                Collections.shuffle(shuffled, random);
                List<String> moved = List.copyOf(shuffled.subList(0, 1 + random.nextInt(3)));
                String anchor = shuffled.get(3);
                boolean after = random.nextBoolean();
                moves.add(order -> MoveRule.moveNextTo(order, moved, anchor, after));
                calls.add(() -> caller.move(collection, Map.of("track_ids", moved,
                        after ? "after_track_id" : "before_track_id", anchor)).statusCode());
            }
        }
        String context = "seed " + seed;
        assertEquals(Collections.nCopies(calls.size(), 200), Concurrently.statuses(calls, 12), context);

        long revision = TestDatabase.revision(caller.organizationId(), collection);
        assertTrue(revision <= tracks.size() + calls.size(), context);
        List<String> previous = tracks;
        for (long entry = tracks.size() + 1; entry <= revision; entry++) {
            List<String> before = previous;
            List<String> recorded = caller.recordedOrder(collection, entry);
            assertTrue(!recorded.equals(before) && moves.stream().anyMatch(move -> move.apply(before).equals(recorded)),
                    context + ": entry " + entry + " " + recorded + " is no move of " + before);
            previous = recorded;
        }
        assertEquals(previous, TestDatabase.denseOrder(caller.organizationId(), collection), context);
        List<Map<String, Object>> history = caller.history(collection);
        assertEquals(revision, history.size(), context);
        assertTrue(history.subList(0, (int) revision - tracks.size()).stream()
                .allMatch(item -> "move".equals(item.get("change"))), context);
    }

    private static Response remove(Api.Caller caller, String base, String track, String ifMatch) {
        return conditionally(caller, ifMatch).delete(caller.path(base + "/tracks/" + track));
    }

    private static Response reorder(Api.Caller caller, String base, List<String> order, String ifMatch) {
        return conditionally(caller, ifMatch).body(Map.of("ordered_track_ids", order)).patch(caller.path(base + "/order"));
    }

    private static io.restassured.specification.RequestSpecification conditionally(Api.Caller caller, String ifMatch) {
        return ifMatch == null ? caller.request() : caller.request().header("If-Match", ifMatch);
    }

    /** The revision a client would have just read. */
    private static String etag(Api.Caller caller, String base) {
        return caller.request().get(caller.path(base + "/tracks?limit=1")).then().statusCode(200).extract().header("ETag");
    }

    private static int change(Hot list, Response response) {
        if (response.statusCode() == 200) {
            list.changeRevisions.add(response.header("ETag"));
        }
        return response.statusCode();
    }

    private static int conditional(Hot list, String track, Response response) {
        list.conditionalOutcomes.put(track, response.statusCode());
        return change(list, response);
    }

    /** A random subset of the ids in random order, plus sometimes an id that is no member. */
    private static List<String> randomOrder(List<String> ids, Random random) {
        List<String> order = new ArrayList<>(ids);
        Collections.shuffle(order, random);
        order = new ArrayList<>(order.subList(0, random.nextInt(order.size() + 1)));
        if (random.nextInt(4) == 0) {
            order.add(random.nextInt(order.size() + 1), "mtrack_" + Integer.toHexString(random.nextInt()));
        }
        return order;
    }

    private static List<String> newTracks(Api.Caller caller, int count) {
        List<String> tracks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tracks.add(caller.newTrack());
        }
        return tracks;
    }
}
