package io.trackorder.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Concurrently;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * Many clients change one release at once: reorders, track adds and removes. Afterwards the
 * track numbers are dense and unique, and the tracks are exactly what the calls imply.
 */
@QuarkusTest
class ConcurrentReleaseChangesTest {

    @Test
    void concurrentChangesOfOneReleaseLoseNothing() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(30);
        List<String> initial = member.trackIds(release);
        List<String> removed = new ArrayList<>(initial.subList(0, 10));
        Set<String> kept = new HashSet<>(initial.subList(10, 30));
        String path = "/releases/" + release;

        ConcurrentLinkedQueue<String> added = new ConcurrentLinkedQueue<>();
        List<IntSupplier> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> {
                var response = member.request().body(Map.of("title", "added")).post(path + "/tracks");
                if (response.statusCode() == 201) {
                    added.add(response.path("data.id"));
                }
                return response.statusCode();
            });
        }
        removed.forEach(track -> calls.add(() -> member.request().delete(path + "/tracks/" + track).statusCode()));
        for (int i = 0; i < 60; i++) {
            List<String> order = new ArrayList<>(kept);
            Collections.shuffle(order, random);
            List<String> requested = order.subList(0, random.nextInt(order.size() + 1));
            calls.add(() -> member.request().body(Map.of("trackOrder", requested)).post(path + "/tracks/reorder").statusCode());
        }
        Collections.shuffle(calls, random);

        for (int status : Concurrently.statuses(calls, 16)) {
            assertTrue(status == 200 || status == 201, "every call succeeds (seed " + seed + "): " + status);
        }

        List<String> finalOrder = TestDatabase.denseTrackNumbers(release);
        Set<String> expected = new HashSet<>(kept);
        expected.addAll(added);
        assertEquals(10, added.size());
        assertEquals(finalOrder.size(), new HashSet<>(finalOrder).size(), "no track twice (seed " + seed + ")");
        assertEquals(expected, new HashSet<>(finalOrder), "tracks are what the calls imply (seed " + seed + ")");
        long revision = member.request().get(path).then().statusCode(200).extract().<Integer>path("data.revision");
        assertTrue(revision >= 20 && revision <= 80, "one revision per change, got " + revision + " (seed " + seed + ")");
    }
}
