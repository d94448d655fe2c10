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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trackorder.support.CallTally;
import io.trackorder.support.PatientDatabase;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * Many clients change a few hot releases at once: reorders (some conditional on a revision they
 * just read), track adds and removes, and status changes (submit, reject) that make the other calls
 * fail while a release is under review. Afterwards track numbers are dense and unique, the tracks
 * are exactly what the successful calls imply, the status is what the successful status changes
 * imply, and the status counts add up.
 */
@QuarkusTest
@TestProfile(PatientDatabase.class)
class ConcurrentReleaseChangesTest {

    private static final int RELEASES = 3;
    /** 400: the release was under review at that moment. */
    private static final Set<Integer> OK_OR_LOCKED = Set.of(200, 400);
    private static final Set<Integer> OK_LOCKED_OR_STALE = Set.of(200, 400, 412);

    /** One hot release and what the calls on it did. */
    private static final class Hot {
        final String id;
        final List<String> kept;
        final List<String> removable;
        final Map<String, Integer> removals = new ConcurrentHashMap<>();
        final Set<String> added = ConcurrentHashMap.newKeySet();
        final AtomicInteger submitted = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();

        Hot(Releases.Member owner) {
            id = owner.newRelease(16);
            List<String> tracks = owner.trackIds(id);
            kept = tracks.subList(0, 10);
            removable = tracks.subList(10, 16);
        }
    }

    @Test
    void mixedChangesOfHotReleasesLoseNothing() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Releases.Member owner = Releases.newMember();
        Releases.Member admin = owner.adminOfWorkspace();
        List<Hot> hot = new ArrayList<>();
        for (int i = 0; i < RELEASES; i++) {
            hot.add(new Hot(owner));
        }

        CallTally calls = new CallTally();
        for (Hot release : hot) {
            String base = "/releases/" + release.id;
            for (int i = 0; i < 6; i++) {
                calls.add("add track", Set.of(201, 400), () -> {
                    Response response = owner.request().body(Map.of("title", "added")).post(base + "/tracks");
                    if (response.statusCode() == 201) {
                        release.added.add(response.path("data.id"));
                    }
                    return response.statusCode();
                });
            }
            for (int i = 0; i < release.removable.size(); i++) {
                String track = release.removable.get(i);
                boolean conditional = i % 2 == 0;
                calls.add(conditional ? "remove track if current" : "remove track",
                        conditional ? OK_LOCKED_OR_STALE : OK_OR_LOCKED, () -> {
                            int status = conditionally(owner, conditional ? etag(owner, base) : null)
                                    .delete(base + "/tracks/" + track).statusCode();
                            release.removals.put(track, status);
                            return status;
                        });
            }
            for (int i = 0; i < 30; i++) {
                List<String> order = new ArrayList<>(release.kept);
                Collections.shuffle(order, random);
                List<String> requested = order.subList(0, random.nextInt(order.size() + 1));
                boolean conditional = i % 3 == 0;
                calls.add(conditional ? "reorder if current" : "reorder", conditional ? OK_LOCKED_OR_STALE : OK_OR_LOCKED,
                        () -> conditionally(owner, conditional ? etag(owner, base) : null)
                                .body(Map.of("trackOrder", requested)).post(base + "/tracks/reorder").statusCode());
            }
            for (int i = 0; i < 4; i++) {
                calls.add("submit", OK_OR_LOCKED, () -> counted(release.submitted,
                        owner.request().post(base + "/submit").statusCode()));
                calls.add("reject", OK_OR_LOCKED, () -> counted(release.rejected, admin.request()
                        .body(Map.of("action", "reject", "feedback", "again")).post(base + "/review").statusCode()));
            }
            List<String> twice = List.of(release.kept.get(0), release.kept.get(0));
            calls.add("reorder with a duplicate", Set.of(400),
                    () -> owner.request().body(Map.of("trackOrder", twice)).post(base + "/tracks/reorder").statusCode());
        }
        calls.shuffle(random);

        String context = "seed " + seed;
        Map<Integer, Integer> counts = calls.run(24, context);
        assertEquals(CallTally.ofClass(counts, 2) + CallTally.ofClass(counts, 4),
                counts.values().stream().mapToInt(Integer::intValue).sum(), "only 2xx and 4xx: " + counts);

        for (Hot release : hot) {
            List<String> tracks = TestDatabase.denseTrackNumbers(release.id);
            assertEquals(tracks.size(), new HashSet<>(tracks).size(), "no track twice (" + context + ")");
            Set<String> expected = new HashSet<>(release.kept);
            expected.addAll(release.added);
            release.removable.stream().filter(track -> release.removals.get(track) != 200).forEach(expected::add);
            assertEquals(expected, new HashSet<>(tracks), "tracks are what the calls imply (" + context + ")");

            // Submits and rejections alternate, so their counts say where the release ended.
            int submits = release.submitted.get();
            int rejections = release.rejected.get();
            String status = owner.request().get("/releases/" + release.id).then().statusCode(200)
                    .extract().path("data.status");
            String implied = submits == rejections + 1 ? "submitted" : rejections == 0 ? "draft" : "rejected";
            assertTrue(submits == rejections || submits == rejections + 1, submits + " submits, " + rejections
                    + " rejections (" + context + ")");
            assertEquals(implied, status, context);
        }
    }

    private static RequestSpecification conditionally(Releases.Member member, String ifMatch) {
        return ifMatch == null ? member.request() : member.request().header("If-Match", ifMatch);
    }

    /** The revision a client would have just read. */
    private static String etag(Releases.Member member, String base) {
        return member.request().get(base + "/tracks").then().statusCode(200).extract().header("ETag");
    }

    private static int counted(AtomicInteger successes, int status) {
        if (status == 200) {
            successes.incrementAndGet();
        }
        return status;
    }
}
