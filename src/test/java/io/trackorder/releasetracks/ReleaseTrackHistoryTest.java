package io.trackorder.releasetracks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.trackorder.support.Concurrently;
import io.trackorder.support.Releases;

/**
 * The order history of a release's tracks: what each change records, the history's pages and
 * entries, and restoring a recorded order.
 */
@QuarkusTest
class ReleaseTrackHistoryTest {

    private final Releases.Member owner = Releases.newMember();
    private final TrackOrders orders = new TrackOrders(owner);

    @Test
    void aReleaseCreatedWithTracksStartsWithAnAddAtRevisionZero() {
        Instant before = Instant.now().minusSeconds(60);
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        orders.history(release, "").statusCode(200)
                .body("success", equalTo(true))
                .body("data.items.revision", equalTo(List.of(0)))
                .body("data.items.change", equalTo(List.of("add")))
                .body("data.items.actor", equalTo(List.of(owner.userId())))
                .body("data.items.trackCount", equalTo(List.of(3)))
                .body("data.pagination.page", equalTo(1))
                .body("data.pagination.limit", equalTo(20))
                .body("data.pagination.total", equalTo(1))
                .body("data.pagination.totalPages", equalTo(1));
        Instant changedAt = Instant.parse(orders.entry(release, 0).statusCode(200)
                .body("success", equalTo(true))
                .body("data.change", equalTo("add"))
                .body("data.actor", equalTo(owner.userId()))
                .body("data.trackIds", equalTo(t))
                .extract().path("data.changedAt"));
        assertTrue(changedAt.isAfter(before) && changedAt.isBefore(Instant.now().plus(Duration.ofMinutes(1))),
                changedAt.toString());
    }

    @Test
    void aReleaseCreatedWithoutTracksHasNoHistoryUntilATrackIsAdded() {
        String release = owner.newRelease(0);
        orders.history(release, "").statusCode(200)
                .body("data.items", empty())
                .body("data.pagination.total", equalTo(0))
                .body("data.pagination.totalPages", equalTo(0));
        orders.entry(release, 0).statusCode(404).body("status", equalTo("error"));
        String track = owner.request().body(Map.of("title", "1")).post(TrackOrders.path(release, "")).then()
                .statusCode(201).extract().path("data.id");
        orders.history(release, "").body("data.items.revision", equalTo(List.of(1)))
                .body("data.items.change", equalTo(List.of("add")))
                .body("data.items.trackCount", equalTo(List.of(1)));
        assertEquals(List.of(track), orders.recorded(release, 1));
    }

    /** Every change of the order or of the members is an entry holding the order after it; nothing else is. */
    @Test
    void everyChangeOfTheOrderOrMembersIsRecordedWithTheOrderAfterIt() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        String base = TrackOrders.path(release, "");
        List<List<String>> orderAt = new ArrayList<>(List.of(t));

        String added = owner.request().body(Map.of("title", "4")).post(base).then().statusCode(201)
                .extract().path("data.id");
        orderAt.add(owner.trackIds(release));
        owner.request().body(Map.of("title", "renamed", "isrc", "USABC2600001")).put(base + "/" + t.get(0)).then()
                .statusCode(200);
        owner.request().delete(base + "/" + t.get(1)).then().statusCode(200);
        orderAt.add(owner.trackIds(release));
        owner.request().body(Map.of("trackOrder", List.of(added))).post(base + "/reorder").then().statusCode(200);
        orderAt.add(owner.trackIds(release));
        orders.move(release, Map.of("rangeStart", 2, "insertBefore", 0)).statusCode(200);
        orderAt.add(owner.trackIds(release));
        orders.restore(release, 0).statusCode(200);
        orderAt.add(owner.trackIds(release));
        // Changes that leave the order as it is record nothing.
        owner.request().body(Map.of("trackOrder", owner.trackIds(release))).post(base + "/reorder").then()
                .statusCode(200);
        orders.move(release, Map.of("rangeStart", 1, "insertBefore", 1)).statusCode(200);
        orders.restore(release, 5).statusCode(200);

        orders.history(release, "").statusCode(200)
                .body("data.items.revision", equalTo(List.of(5, 4, 3, 2, 1, 0)))
                .body("data.items.change", equalTo(List.of("restore", "move", "reorder", "remove", "add", "add")))
                .body("data.items.trackCount", equalTo(List.of(3, 3, 3, 3, 4, 3)))
                .body("data.items.actor", equalTo(Collections.nCopies(6, owner.userId())))
                .body("data.pagination.total", equalTo(6));
        for (int revision = 0; revision < orderAt.size(); revision++) {
            assertEquals(orderAt.get(revision), orders.recorded(release, revision), "revision " + revision);
        }
        assertEquals(List.of(t.get(0), t.get(2), added), orderAt.get(5), "restored: gone skipped, new last");
        List<String> written = orders.history(release, "").extract().path("data.items.changedAt");
        List<Instant> changedAt = written.stream().map(Instant::parse).toList();
        List<Instant> newestFirst = new ArrayList<>(changedAt);
        newestFirst.sort(Comparator.reverseOrder());
        assertEquals(newestFirst, changedAt);
    }

    @Test
    void theHistoryIsPagedNewestFirst() {
        String release = owner.newRelease(2);
        for (int i = 0; i < 24; i++) {
            orders.move(release, Map.of("rangeStart", 1, "insertBefore", 0)).statusCode(200);
        }
        orders.history(release, "").statusCode(200)
                .body("data.items.revision", equalTo(IntStream.iterate(24, r -> r - 1).limit(20).boxed().toList()))
                .body("data.pagination.page", equalTo(1))
                .body("data.pagination.limit", equalTo(20))
                .body("data.pagination.total", equalTo(25))
                .body("data.pagination.totalPages", equalTo(2));
        orders.history(release, "?page=3&limit=10").statusCode(200)
                .body("data.items.revision", equalTo(List.of(4, 3, 2, 1, 0)))
                .body("data.items.change", equalTo(List.of("move", "move", "move", "move", "add")))
                .body("data.pagination.page", equalTo(3))
                .body("data.pagination.limit", equalTo(10))
                .body("data.pagination.total", equalTo(25))
                .body("data.pagination.totalPages", equalTo(3));
        orders.history(release, "?limit=100").body("data.items.size()", equalTo(25));
        orders.history(release, "?page=2").body("data.items.revision", equalTo(List.of(4, 3, 2, 1, 0)));
        orders.history(release, "?page=4&limit=10").statusCode(200).body("data.items", empty())
                .body("data.pagination.total", equalTo(25));
        orders.history(release, "?page=21474836&limit=100").statusCode(200).body("data.items", empty());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({ "page, 0", "page, -1", "page, 21474837", "page, x", "page, 1.5", "page, 1e2", "page, 99999999999",
            "limit, 0", "limit, -1", "limit, 101", "limit, ten", "limit, 2.0", "limit, 2147483648" })
    void aBadPageOrLimitIs400NamingIt(String parameter, String value) {
        String release = owner.newRelease(1);
        orders.history(release, "?" + parameter + "=" + value).statusCode(400)
                .body("status", equalTo("error"))
                .body("errors[0].field", equalTo(parameter));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1", "2", "-1", "abc", "1e0", "0x0", "9223372036854775807", "99999999999999999999" })
    void aRevisionWithNoEntryIs404(String revision) {
        String release = owner.newRelease(2);
        orders.entry(release, revision).statusCode(404)
                .body("status", equalTo("error"))
                .body("message", not(containsString(release)));
    }

    @Test
    void leadingZerosNameTheSameRevision() {
        String release = owner.newRelease(2);
        orders.entry(release, "000").statusCode(200).body("data.revision", equalTo(0));
    }

    @Test
    void restoreGivesTheCurrentTracksTheRecordedOrder() {
        String release = owner.newRelease(4);
        List<String> t = owner.trackIds(release);
        orders.move(release, Map.of("rangeStart", 3, "insertBefore", 0)).statusCode(200); // d a b c
        String e = owner.request().body(Map.of("title", "5")).post(TrackOrders.path(release, "")).then()
                .statusCode(201).extract().path("data.id"); // d a b c e
        owner.request().delete(TrackOrders.path(release, "/" + t.get(1))).then().statusCode(200); // d a c e
        List<String> atThree = owner.trackIds(release);

        // a b c d recorded: b has left, e came since and follows.
        List<String> restored = List.of(t.get(0), t.get(2), t.get(3), e);
        assertRestored(release, orders.restore(release, 0), restored, 4);
        orders.assertWritesNothing(release, () -> orders.restore(release, 4).statusCode(200)
                .header("ETag", "\"4.0\"").body("data.id", equalTo(restored)));
        // Undo, and undo of the undo.
        assertRestored(release, orders.restore(release, 3), atThree, 5);
        assertRestored(release, orders.restore(release, 4), restored, 6);
        orders.history(release, "").body("data.items.change",
                equalTo(List.of("restore", "restore", "restore", "remove", "add", "move", "add")));
    }

    private void assertRestored(String release, ValidatableResponse restore, List<String> expected, int revision) {
        restore.statusCode(200)
                .header("ETag", "\"" + revision + ".0\"")
                .body("success", equalTo(true))
                .body("message", equalTo("Tracks reordered successfully"))
                .body("data.id", equalTo(expected))
                .body("data.trackNumber", equalTo(IntStream.rangeClosed(1, expected.size()).boxed().toList()));
        assertEquals(expected, owner.trackIds(release));
        orders.history(release, "?limit=1")
                .body("data.items[0].revision", equalTo(revision))
                .body("data.items[0].change", equalTo("restore"))
                .body("data.items[0].actor", equalTo(owner.userId()));
        assertEquals(expected, orders.recorded(release, revision));
    }

    @Test
    void restoringRevisionZeroGivesBackTheCreationOrder() {
        String release = owner.newRelease(30);
        List<String> created = owner.trackIds(release);
        List<String> shuffled = new ArrayList<>(created);
        Collections.shuffle(shuffled);
        owner.request().body(Map.of("trackOrder", shuffled)).post(TrackOrders.path(release, "/reorder")).then()
                .statusCode(200);
        orders.move(release, Map.of("rangeStart", 0, "rangeLength", 10, "insertBefore", 30)).statusCode(200);
        assertRestored(release, orders.restore(release, 0), created, 3);
    }

    @Test
    void restoringARevisionWithNoEntryIs404AndWritesNothing() {
        String release = owner.newRelease(3);
        orders.move(release, Map.of("rangeStart", 0, "insertBefore", 3)).statusCode(200);
        for (long revision : List.of(2L, 99L, Long.MAX_VALUE)) {
            orders.assertWritesNothing(release, () -> orders.restore(release, revision).statusCode(404)
                    .body("status", equalTo("error")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"revision\": \"0\"}", "{\"revision\": -1}", "{\"revision\": 0.5}",
            "{\"revision\": 1.0}", "{\"revision\": null}", "{\"revision\": [0]}", "{\"revision\": true}",
            "{\"revision\": 1e30}", "{\"revision\": 9223372036854775808}", "{\"Revision\": 0}" })
    void aRevisionThatIsNotAWholeNumberIs400NamingIt(String body) {
        String release = owner.newRelease(2);
        orders.assertWritesNothing(release, () -> owner.request().body(body).post(TrackOrders.path(release, "/restore"))
                .then().statusCode(400)
                .body("status", equalTo("error"))
                .body("errors[0].field", equalTo("revision")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "0", "\"0\"", "null", "{\"revision\": 0", "" })
    void aRestoreBodyThatIsNotAJsonObjectIs400(String body) {
        String release = owner.newRelease(2);
        orders.assertWritesNothing(release, () -> owner.request().body(body).post(TrackOrders.path(release, "/restore"))
                .then().statusCode(400).body("status", equalTo("error")).body("message", notNullValue()));
    }

    @Test
    void otherRestoreFieldsAreIgnored() {
        String release = owner.newRelease(2);
        List<String> t = owner.trackIds(release);
        orders.move(release, Map.of("rangeStart", 1, "insertBefore", 0)).statusCode(200);
        owner.request().body(Map.of("revision", 0, "note", "undo", "trackOrder", List.of()))
                .post(TrackOrders.path(release, "/restore")).then().statusCode(200).body("data.id", equalTo(t));
    }

    @Test
    void onlyDraftAndRejectedReleasesAreRestoredButEveryHistoryIsReadable() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        orders.move(release, Map.of("rangeStart", 0, "insertBefore", 3)).statusCode(200);
        orders.submit(release);
        orders.assertWritesNothing(release, () -> orders.restore(release, 0).statusCode(400)
                .body("status", equalTo("error")).body("message", containsString("submitted")));
        orders.history(release, "").statusCode(200).body("data.pagination.total", equalTo(2));
        orders.review(release, "reject");
        orders.restore(release, 0).statusCode(200).body("data.id", equalTo(t));
        orders.submit(release);
        orders.review(release, "approve");
        orders.assertWritesNothing(release, () -> orders.restore(release, 1).statusCode(400)
                .body("message", containsString("approved")));
        orders.history(release, "").statusCode(200).body("data.items.change", equalTo(List.of("restore", "move", "add")));
        assertEquals(t, orders.recorded(release, 2));
    }

    @Test
    void othersSeeNoHistoryButTheWorkspaceAdminReadsAndRestoresIt() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        orders.move(release, Map.of("rangeStart", 0, "insertBefore", 3)).statusCode(200);
        for (Releases.Member other : List.of(owner.colleague(), Releases.newMember().adminOfWorkspace())) {
            TrackOrders theirs = new TrackOrders(other);
            theirs.history(release, "").statusCode(404).body("status", equalTo("error"));
            theirs.entry(release, 0).statusCode(404).body("message", not(containsString(t.get(0))));
            orders.assertWritesNothing(release, () -> theirs.restore(release, 0).statusCode(404));
        }
        Releases.Member admin = owner.adminOfWorkspace();
        TrackOrders admins = new TrackOrders(admin);
        admins.history(release, "").statusCode(200).body("data.items.actor",
                equalTo(List.of(owner.userId(), owner.userId())));
        assertEquals(t, admins.recorded(release, 0));
        admins.restore(release, 0).statusCode(200).body("data.id", equalTo(t));
        orders.history(release, "").body("data.items[0].actor", equalTo(admin.userId()));
        orders.entry(release, 2).body("data.actor", equalTo(admin.userId()));
    }

    @Test
    void historyOfAnUnknownOrDeletedReleaseIs404() {
        String deleted = owner.newRelease(2);
        owner.request().delete("/releases/" + deleted).then().statusCode(200);
        for (String release : List.of(deleted, "00000000-0000-0000-0000-000000000000", "not-a-uuid")) {
            orders.history(release, "").statusCode(404).body("status", equalTo("error"));
            orders.entry(release, 0).statusCode(404).body("status", equalTo("error"));
            orders.restore(release, 0).statusCode(404).body("status", equalTo("error"));
        }
    }

    @Test
    void aStaleIfMatchOnARestoreIs412AndWritesNothing() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        orders.move(release, Map.of("rangeStart", 0, "insertBefore", 3)).statusCode(200);
        for (String stale : List.of("\"0.0\"", "W/\"1.0\"", "\"1.1\"")) {
            orders.assertWritesNothing(release, () -> orders.restore(owner.request().header("If-Match", stale), release, 0)
                    .statusCode(412).body("status", equalTo("error")));
        }
        orders.restore(owner.request().header("If-Match", "\"1.0\""), release, 0).statusCode(200)
                .header("ETag", "\"2.0\"").body("data.id", equalTo(t));
    }

    /** Each recording change prunes the entries beyond the last music.history.retain (100). */
    @Test
    void entriesBeyondTheRetentionArePruned() {
        String release = owner.newRelease(2);
        for (int i = 0; i < 99; i++) {
            orders.move(release, Map.of("rangeStart", 1, "insertBefore", 0)).statusCode(200);
        }
        orders.history(release, "").body("data.pagination.total", equalTo(100));
        orders.entry(release, 0).statusCode(200);
        orders.move(release, Map.of("rangeStart", 1, "insertBefore", 0)).statusCode(200);
        orders.history(release, "?page=1&limit=100").body("data.pagination.total", equalTo(100))
                .body("data.items.revision", equalTo(IntStream.iterate(100, r -> r - 1).limit(100).boxed().toList()));
        orders.entry(release, 0).statusCode(404);
        orders.assertWritesNothing(release, () -> orders.restore(release, 0).statusCode(404));
        orders.entry(release, 1).statusCode(200);
    }

    @Test
    void removingTheLastTrackRecordsAnEmptyOrderAndRestoringItKeepsTracksAddedSince() {
        String release = owner.newRelease(1);
        String only = owner.trackIds(release).get(0);
        owner.request().delete(TrackOrders.path(release, "/" + only)).then().statusCode(200);
        orders.history(release, "?limit=1").body("data.items[0].change", equalTo("remove"))
                .body("data.items[0].trackCount", equalTo(0));
        assertEquals(List.of(), orders.recorded(release, 1));
        orders.assertWritesNothing(release, () -> orders.restore(release, 0).statusCode(200).body("data", empty()));
        owner.request().body(Map.of("title", "a")).post(TrackOrders.path(release, "")).then().statusCode(201);
        owner.request().body(Map.of("title", "b")).post(TrackOrders.path(release, "")).then().statusCode(201);
        List<String> now = owner.trackIds(release);
        orders.assertWritesNothing(release, () -> orders.restore(release, 1).statusCode(200).body("data.id", equalTo(now)));
        orders.assertWritesNothing(release, () -> orders.restore(release, 0).statusCode(200).body("data.id", equalTo(now)));
    }

    @Test
    void theHistoryAndItsEntriesAreTaggedReads() {
        String release = owner.newRelease(3);
        String page = orders.history(release, "").statusCode(200).extract().header("ETag");
        String entry = orders.entry(release, 0).statusCode(200).extract().header("ETag");
        owner.request().header("If-None-Match", page).get(TrackOrders.path(release, "/history")).then().statusCode(304);
        owner.request().header("If-None-Match", entry).get(TrackOrders.path(release, "/history/0")).then().statusCode(304);
        orders.move(release, Map.of("rangeStart", 0, "insertBefore", 3)).statusCode(200);
        owner.request().header("If-None-Match", page).get(TrackOrders.path(release, "/history")).then().statusCode(200)
                .header("ETag", not(equalTo(page)));
        owner.request().header("If-None-Match", entry).get(TrackOrders.path(release, "/history/0")).then().statusCode(304);
    }

    /** Concurrent changes are serialized: one entry per effective change, revisions without gaps, each order whole. */
    @Test
    void concurrentChangesRecordOneEntryEachWithoutGaps() throws Exception {
        String release = owner.newRelease(8);
        List<String> t = owner.trackIds(release);
        List<IntSupplier> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            calls.add(() -> switch (n % 3) {
                case 0 -> orders.move(release, Map.of("rangeStart", n % 8, "insertBefore", (n * 5) % 9))
                        .extract().statusCode();
                case 1 -> orders.move(release, Map.of("trackIds", List.of(t.get(n % 8)), "afterTrackId",
                        t.get((n + 3) % 8))).extract().statusCode();
                default -> owner.request().body(Map.of("trackOrder", List.of(t.get((n * 7) % 8))))
                        .post(TrackOrders.path(release, "/reorder")).then().extract().statusCode();
            });
        }
        assertEquals(Collections.nCopies(calls.size(), 200), Concurrently.statuses(calls, 6));
        int revision = owner.request().get("/releases/" + release).then().extract().path("data.revision");
        orders.history(release, "?limit=100").body("data.items.revision",
                equalTo(IntStream.iterate(revision, r -> r - 1).limit(revision + 1).boxed().toList()))
                .body("data.items.trackCount", equalTo(Collections.nCopies(revision + 1, 8)));
        assertEquals(owner.trackIds(release), orders.recorded(release, revision));
        for (int r = 0; r <= revision; r++) {
            List<String> recorded = orders.recorded(release, r);
            assertEquals(Set.copyOf(t), Set.copyOf(recorded), "revision " + r);
            assertEquals(8, recorded.size(), "revision " + r);
        }
    }
}
