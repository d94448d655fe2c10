package io.trackorder.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trackorder.support.Api;
import io.trackorder.support.Management;
import io.trackorder.support.Releases;
import io.trackorder.support.RestartablePostgres;
import io.trackorder.support.TestDatabase;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The database goes away under load and comes back: while it is away every call is answered 503
 * in its surface's format within {@code music.database.timeout} and readiness is DOWN; afterwards
 * the service works again by itself, and no change was half applied. Runs on a PostgreSQL of its
 * own, so stopping it does not disturb the server the other tests share.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnDatabase.class)
class DatabaseOutageTest {

    /** Short so that the test is quick; the default is 5 s. */
    private static final Duration BOUND = Duration.ofSeconds(3);
    /** The database's own statement limit: a fifth shorter than the bound. */
    private static final Duration STATEMENT_LIMIT = BOUND.multipliedBy(4).dividedBy(5);
    /** Time a loaded 2-core machine may add for scheduling and HTTP, not for waiting on the database. */
    private static final Duration MARGIN = Duration.ofMillis(1500);
    private static final int CLIENTS = 12;

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(RestartablePostgres.instance().datasourceProperties());
            config.put("music.database.timeout", BOUND.toSeconds() + "s");
            return config;
        }
    }

    @Inject
    Pool pool;

    @Test
    void stopAndStartUnderLoadAnswers503MeanwhileRecoversAndHalfAppliesNothing() throws Exception {
        Api.Caller caller = Api.newCaller();
        List<TestCollection> collections = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = caller.newCollection();
            collections
                    .add(new TestCollection(id, TestDatabase.seedMembers(caller.organizationId(), caller.userId(), id, 200)));
        }
        String donor = caller.newCollection(); // its tracks are the ones the load adds elsewhere
        ConcurrentLinkedQueue<String> addable = new ConcurrentLinkedQueue<>(
                TestDatabase.seedMembers(caller.organizationId(), caller.userId(), donor, 600));
        Releases.Member member = Releases.newMember();
        TestRelease release = new TestRelease(member, member.newRelease(100));

        Load load = new Load(caller, collections, addable, release);
        RestartablePostgres postgres = RestartablePostgres.instance();
        load.start();
        Thread.sleep(1500);

        postgres.stop();
        Thread.sleep(500);
        long started = System.nanoTime();
        Management.request().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        assertWithinBound(System.nanoTime() - started, "readiness check while the database is down");
        Thread.sleep(1500);

        postgres.restart();
        long restarted = System.nanoTime();
        awaitStatus(200, () -> caller.request().get(caller.path("/collections/" + collections.get(0).id)));
        awaitStatus(200, () -> Management.request().get("/q/health/ready"));
        long recoveredMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);
        assertTrue(recoveredMillis < 10_000, "answers 200 and is ready again " + recoveredMillis + " ms after the restart");
        Thread.sleep(1000);
        List<Outcome> outcomes = load.stop();

        assertAnsweredOnlySuccessOr503InTheSurfaceFormatWithinTheBound(outcomes);
        assertTrue(outcomes.stream().anyMatch(outcome -> outcome.status == 503 && outcome.kind.change != Change.NONE),
                "some changes were under way or attempted during the outage");
        assertTrue(outcomes.stream().anyMatch(outcome -> outcome.status < 300 && outcome.startedAt > restarted),
                "changes succeed again after the restart");
        for (TestCollection collection : collections) {
            assertConsistent(caller, collection, outcomes);
        }
        assertConsistent(release, outcomes);
    }

    /**
     * A lock held past the database's statement limit (a fifth shorter than the bound) on a healthy
     * database: 503 that says the resource is busy, with Retry-After, on both surfaces; not the
     * "database unavailable" of an outage.
     */
    @Test
    void aLockWaitIsABusy503WithRetryAfterWithinTheBound() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> members = TestDatabase.seedMembers(caller.organizationId(), caller.userId(), collection, 5);
        List<String> reversed = new ArrayList<>(members);
        Collections.reverse(reversed);
        String order = caller.path("/collections/" + collection + "/order");
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(3);
        List<String> releaseTracks = member.trackIds(release);
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            lock(db, "SELECT 1 FROM collections WHERE organization_id = ? AND id = ? FOR UPDATE",
                    caller.organizationId(), collection);
            lock(db, "SELECT 1 FROM releases WHERE id = CAST(? AS uuid) AND tenant_user_id = ? FOR UPDATE",
                    release, member.userId());

            Response collectionWaited = timedBusy(() -> caller.request()
                    .body(Map.of("ordered_track_ids", reversed)).patch(order));
            collectionWaited.then().body("error.code", equalTo("SERVICE_UNAVAILABLE"))
                    .body("error.status", equalTo(503))
                    .body("error.system_message", containsString("busy"));
            Response releaseWaited = timedBusy(() -> member.request()
                    .body(Map.of("trackOrder", List.of(releaseTracks.get(2), releaseTracks.get(1), releaseTracks.get(0))))
                    .post("/releases/" + release + "/tracks/reorder"));
            releaseWaited.then().body("status", equalTo("error")).body("message", containsString("busy"))
                    .body("success", equalTo(null));
            db.rollback();
        }
        // Whether the timed-out reorder was applied is unknown to its caller; a retry settles it.
        caller.request().body(Map.of("ordered_track_ids", reversed)).patch(order).then().statusCode(200);
        assertEquals(reversed, TestDatabase.denseOrder(caller.organizationId(), collection));
    }

    /** A 503 with Retry-After in whole seconds, after waiting at least the statement limit and within the bound. */
    private static Response timedBusy(Supplier<Response> call) {
        long started = System.nanoTime();
        Response response = call.get();
        long nanos = System.nanoTime() - started;
        response.then().statusCode(503).header("Retry-After", matchesPattern("[1-9][0-9]*"));
        assertTrue(nanos >= STATEMENT_LIMIT.toNanos() - TimeUnit.MILLISECONDS.toNanos(100),
                "waited for the lock until the statement limit: " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms");
        assertWithinBound(nanos, "a change behind a held lock");
        return response;
    }

    private static void lock(Connection db, String sql, String first, String second) throws Exception {
        try (PreparedStatement lock = db.prepareStatement(sql)) {
            lock.setString(1, first);
            lock.setString(2, second);
            try (var rows = lock.executeQuery()) {
                assertTrue(rows.next(), "a row to lock: " + sql);
            }
        }
    }

    @Test
    void everyConnectionCarriesTheServerSideLimits() {
        var settings = pool
                .query("SELECT current_setting('statement_timeout'), current_setting('idle_in_transaction_session_timeout')")
                .execute().await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertEquals(STATEMENT_LIMIT.toMillis() + "ms", settings.getString(0));
        assertEquals(BOUND.toSeconds() + "s", settings.getString(1));
    }

    private static void assertAnsweredOnlySuccessOr503InTheSurfaceFormatWithinTheBound(List<Outcome> outcomes) {
        assertTrue(outcomes.size() > 30, "enough load: " + summary(outcomes));
        for (Outcome outcome : outcomes) {
            assertTrue(outcome.status == outcome.kind.success || outcome.status == 503,
                    outcome.kind + " answered " + outcome.status + ": " + outcome.body);
            if (outcome.status == 503) {
                assertTrue(outcome.kind.releases ? isReleases503(outcome.body) : isCollections503(outcome.body),
                        outcome.kind + " 503 in its surface's format: " + outcome.body);
            }
            assertWithinBound(outcome.nanos, outcome.kind.toString());
        }
    }

    /** Calls by kind and status, with their longest time, for failure messages. */
    private static String summary(List<Outcome> outcomes) {
        Map<String, long[]> byKind = new java.util.TreeMap<>();
        for (Outcome outcome : outcomes) {
            long[] counts = byKind.computeIfAbsent(outcome.kind + " " + outcome.status, key -> new long[2]);
            counts[0]++;
            counts[1] = Math.max(counts[1], TimeUnit.NANOSECONDS.toMillis(outcome.nanos));
        }
        StringBuilder text = new StringBuilder(outcomes.size() + " calls:");
        byKind.forEach((key, counts) -> text.append(' ').append(key).append(" x").append(counts[0])
                .append(" (max ").append(counts[1]).append(" ms)"));
        return text.toString();
    }

    private static boolean isCollections503(String body) {
        JsonPath json = JsonPath.from(body);
        return Boolean.FALSE.equals(json.get("success")) && "SERVICE_UNAVAILABLE".equals(json.get("error.code"))
                && Integer.valueOf(503).equals(json.get("error.status"));
    }

    private static boolean isReleases503(String body) {
        JsonPath json = JsonPath.from(body);
        return "error".equals(json.get("status")) && json.get("message") != null && json.get("success") == null;
    }

    private static void assertWithinBound(long nanos, String what) {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        assertTrue(millis < BOUND.plus(MARGIN).toMillis(), what + " took " + millis + " ms");
    }

    private static void awaitStatus(int status, Supplier<Response> call) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (call.get().statusCode() != status) {
            assertTrue(System.nanoTime() < giveUp, "answers " + status + " again");
            Thread.sleep(100);
        }
    }

    private static void assertConsistent(Api.Caller caller, TestCollection collection, List<Outcome> outcomes)
            throws Exception {
        List<String> members = TestDatabase.denseOrder(caller.organizationId(), collection.id);
        assertConsistent(collection.id, new HashSet<>(collection.seeded), members,
                TestDatabase.revision(caller.organizationId(), collection.id), outcomes);
    }

    /** Tracks of a release are told apart by title: "1".."100" created, "added-…" added. */
    private static void assertConsistent(TestRelease release, List<Outcome> outcomes) throws Exception {
        TestDatabase.denseTrackNumbers(release.id);
        assertConsistent(release.id, new HashSet<>(release.titles.values()), TestDatabase.releaseTrackTitles(release.id),
                TestDatabase.releaseRevision(release.id) - release.revision, outcomes);
    }

    /**
     * Tracks are unique, they are the initial ones plus or minus only what the calls did (a success
     * was applied, a 503 may or may not have been), and the revision counts exactly the changes
     * applied: every add and remove targets a different track, and every reorder is a fresh
     * shuffle of many tracks, so each applied call changed something.
     */
    private static void assertConsistent(String list, Set<String> initial, List<String> tracks, long revisions,
            List<Outcome> outcomes) {
        Set<String> now = new HashSet<>(tracks);
        assertEquals(tracks.size(), now.size(), "each track once in " + list);
        Set<String> expected = new HashSet<>(initial);
        Set<String> possible = new HashSet<>(initial);
        Set<String> unknown = new HashSet<>();
        long appliedAddsAndRemoves = 0;
        int reorders = 0;
        int maybeReorders = 0;
        for (Outcome outcome : outcomes) {
            if (!list.equals(outcome.target)) {
                continue;
            }
            boolean applied = outcome.status == outcome.kind.success;
            switch (outcome.kind.change) {
                case ADD -> {
                    possible.add(outcome.track);
                    (applied ? expected : unknown).add(outcome.track);
                    appliedAddsAndRemoves += now.contains(outcome.track) ? 1 : 0;
                }
                case REMOVE -> {
                    if (applied) {
                        expected.remove(outcome.track);
                    } else {
                        unknown.add(outcome.track);
                    }
                    appliedAddsAndRemoves += now.contains(outcome.track) ? 0 : 1;
                }
                case REORDER -> {
                    reorders += applied ? 1 : 0;
                    maybeReorders += applied ? 0 : 1;
                }
                case NONE -> {
                }
            }
        }
        assertTrue(possible.containsAll(now), "no tracks but the initial and the added ones in " + list);
        expected.removeAll(unknown);
        now.removeAll(unknown);
        assertEquals(expected, now, "the tracks the successful calls leave in " + list + ", whatever the 503s did");
        long appliedReorders = revisions - appliedAddsAndRemoves;
        assertTrue(appliedReorders >= reorders && appliedReorders <= reorders + maybeReorders, "the revision of " + list
                + " counts " + appliedReorders + " reorders: " + reorders + " succeeded, " + maybeReorders + " answered 503");
    }

    enum Change {
        ADD,
        REMOVE,
        REORDER,
        NONE
    }

    enum Kind {
        COLLECTION_REORDER(200, false, Change.REORDER),
        COLLECTION_ADD(200, false, Change.ADD),
        COLLECTION_REMOVE(200, false, Change.REMOVE),
        COLLECTION_READ(200, false, Change.NONE),
        RELEASE_REORDER(200, true, Change.REORDER),
        RELEASE_ADD(201, true, Change.ADD),
        RELEASE_REMOVE(200, true, Change.REMOVE),
        RELEASE_READ(200, true, Change.NONE);

        final int success;
        final boolean releases;
        final Change change;

        Kind(int success, boolean releases, Change change) {
            this.success = success;
            this.releases = releases;
            this.change = change;
        }
    }

    /** One answered call: which list it targeted and, for adds and removes, which track (a release's by title). */
    record Outcome(Kind kind, String target, String track, int status, String body, long nanos, long startedAt) {
    }

    record TestCollection(String id, List<String> seeded, ConcurrentLinkedQueue<String> removable) {
        TestCollection(String id, List<String> seeded) {
            this(id, seeded, new ConcurrentLinkedQueue<>(seeded.subList(0, seeded.size() / 2)));
        }
    }

    /** A release whose first 20 tracks are only ever reordered and whose others may be removed. */
    static final class TestRelease {
        final String id;
        final String token;
        final Map<String, String> titles = new HashMap<>();
        final List<String> kept;
        final ConcurrentLinkedQueue<String> removable;
        final long revision;

        TestRelease(Releases.Member member, String id) throws Exception {
            this.id = id;
            this.token = member.token();
            List<String> tracks = member.trackIds(id);
            List<String> names = TestDatabase.releaseTrackTitles(id);
            for (int i = 0; i < tracks.size(); i++) {
                titles.put(tracks.get(i), names.get(i));
            }
            this.kept = tracks.subList(0, 20);
            this.removable = new ConcurrentLinkedQueue<>(tracks.subList(20, tracks.size()));
            this.revision = TestDatabase.releaseRevision(id);
        }

        RequestSpecification request() {
            return given().auth().oauth2(token).contentType(ContentType.JSON);
        }
    }

    /** Clients that each pick a random change (or read) of a random list, call it and record the answer, until stopped. */
    static final class Load {
        private final Api.Caller caller;
        private final List<TestCollection> collections;
        private final ConcurrentLinkedQueue<String> addable;
        private final TestRelease release;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger added = new AtomicInteger();
        private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

        Load(Api.Caller caller, List<TestCollection> collections, ConcurrentLinkedQueue<String> addable, TestRelease release) {
            this.caller = caller;
            this.collections = collections;
            this.addable = addable;
            this.release = release;
        }

        void start() {
            for (int client = 0; client < CLIENTS; client++) {
                Random random = new Random(client);
                clients.submit(() -> {
                    while (!stopped.get()) {
                        outcomes.add(call(random));
                        Thread.sleep(10);
                    }
                    return null;
                });
            }
        }

        List<Outcome> stop() throws InterruptedException {
            stopped.set(true);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "every client call ended");
            return List.copyOf(outcomes);
        }

        private Outcome call(Random random) {
            TestCollection collection = collections.get(random.nextInt(collections.size()));
            int pick = random.nextInt(10);
            if (pick == 0) {
                String track = addable.poll();
                if (track != null) {
                    return timed(Kind.COLLECTION_ADD, collection.id, track, () -> caller.request()
                            .body(Map.of("track_id", track)).post(caller.path("/collections/" + collection.id + "/tracks")));
                }
            }
            if (pick == 1) {
                String track = collection.removable.poll();
                if (track != null) {
                    return timed(Kind.COLLECTION_REMOVE, collection.id, track, () -> caller.request()
                            .delete(caller.path("/collections/" + collection.id + "/tracks/" + track)));
                }
            }
            if (pick == 2) {
                return timed(Kind.COLLECTION_READ, collection.id, null,
                        () -> caller.request().get(caller.path("/collections/" + collection.id + "/tracks")));
            }
            if (pick == 3) {
                String title = "added-" + added.incrementAndGet();
                return timed(Kind.RELEASE_ADD, release.id, title, () -> release.request()
                        .body(Map.of("title", title)).post("/releases/" + release.id + "/tracks"));
            }
            if (pick == 4) {
                String track = release.removable.poll();
                if (track != null) {
                    return timed(Kind.RELEASE_REMOVE, release.id, release.titles.get(track),
                            () -> release.request().delete("/releases/" + release.id + "/tracks/" + track));
                }
            }
            if (pick == 5) {
                return timed(Kind.RELEASE_READ, release.id, null, () -> release.request().get("/releases/" + release.id));
            }
            if (pick < 8) {
                List<String> order = new ArrayList<>(release.kept);
                Collections.shuffle(order, random);
                return timed(Kind.RELEASE_REORDER, release.id, null, () -> release.request()
                        .body(Map.of("trackOrder", order)).post("/releases/" + release.id + "/tracks/reorder"));
            }
            List<String> order = new ArrayList<>(collection.seeded);
            Collections.shuffle(order, random);
            return timed(Kind.COLLECTION_REORDER, collection.id, null, () -> caller.request()
                    .body(Map.of("ordered_track_ids", order)).patch(caller.path("/collections/" + collection.id + "/order")));
        }

        private static Outcome timed(Kind kind, String target, String track, Supplier<Response> call) {
            long started = System.nanoTime();
            Response response = call.get();
            return new Outcome(kind, target, track, response.statusCode(), response.asString(),
                    System.nanoTime() - started, started);
        }
    }
}
