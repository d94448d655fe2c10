package io.trackorder.collections;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.trackorder.support.Api;
import io.trackorder.support.TestDatabase;

/**
 * The order history of a collection: every change of its order or membership is an entry holding
 * the order after it, listed newest first; a restore gives the current members a recorded order
 * and is itself an entry, so undo and redo are restores.
 */
@QuarkusTest
class OrderHistoryApiTest {

    private Api.Caller caller;
    private String collection;

    @BeforeEach
    void newCollection() {
        caller = Api.newCaller();
        collection = caller.newCollection();
    }

    @Test
    void everyKindOfChangeIsAnEntryWithTheOrderAfterIt() throws Exception {
        // A colleague's track in the owner's collection: the colleague's delete is the colleague's entry.
        Api.Caller colleague = Api.newCaller(caller.organizationId());
        String a = colleague.newTrack();
        String b = caller.newTrack();
        String c = caller.newTrack();
        List.of(a, b, c).forEach(track -> caller.add(collection, track));
        caller.request().body(Map.of("ordered_track_ids", List.of(c))).patch(base("/order")).then().statusCode(200);
        caller.move(collection, Map.of("track_ids", List.of(a), "after_track_id", b)).then().statusCode(200);
        caller.request().delete(base("/tracks/" + b)).then().statusCode(200);
        colleague.request().delete(colleague.path("/tracks/" + a)).then().statusCode(200);
        String d = caller.newTrack();
        String e = caller.newTrack();
        caller.add(collection, d);
        caller.add(collection, e);
        caller.move(collection, Map.of("range_start", 2, "insert_before", 0)).then().statusCode(200);
        // The order of 4 for c, a and b: a and b have left, and d and e follow as they are now.
        caller.restore(collection, Map.of("revision", 4)).then().statusCode(200);

        List<String> changes = List.of("restore", "move", "add", "add", "track_deleted", "remove", "move", "reorder",
                "add", "add", "add");
        List<List<String>> orders = List.of(List.of(c, e, d), List.of(e, c, d), List.of(c, d, e), List.of(c, d),
                List.of(c), List.of(c, a), List.of(c, b, a), List.of(c, a, b), List.of(a, b, c), List.of(a, b),
                List.of(a));
        JsonPath page = caller.request().get(base("/order/history")).then().statusCode(200)
                .body("collection_id", equalTo(collection))
                .body("limit", equalTo(20))
                .body("offset", equalTo(0))
                .extract().jsonPath();
        assertEquals(List.of(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1), page.getList("items.revision"));
        assertEquals(changes, page.getList("items.change"));
        assertEquals(orders.stream().map(List::size).toList(), page.getList("items.track_count"));
        List<String> actors = new ArrayList<>(Collections.nCopies(changes.size(), caller.userId()));
        actors.set(4, colleague.userId());
        assertEquals(actors, page.getList("items.actor"));
        List<Instant> times = page.getList("items.changed_at", String.class).stream().map(Instant::parse).toList();
        for (int i = 1; i < times.size(); i++) {
            assertFalse(times.get(i).isAfter(times.get(i - 1)), "newest first: " + times);
        }

        for (int i = 0; i < orders.size(); i++) {
            long revision = orders.size() - i;
            caller.request().get(base("/order/history/" + revision)).then().statusCode(200)
                    .body("collection_id", equalTo(collection))
                    .body("revision", equalTo((int) revision))
                    .body("change", equalTo(changes.get(i)))
                    .body("actor", equalTo(actors.get(i)))
                    .body("changed_at", equalTo(page.getString("items[" + i + "].changed_at")))
                    .body("track_ids", equalTo(orders.get(i)));
        }
        assertEquals(orders.get(0), caller.order(collection));
        assertEquals(11, TestDatabase.revision(caller.organizationId(), collection));
    }

    @Test
    void changesThatChangeNothingAreNoEntries() {
        List<String> tracks = caller.addNewTracks(collection, 2);
        String outsider = caller.newTrack();
        caller.add(collection, tracks.get(0));
        caller.request().body(Map.of("ordered_track_ids", tracks)).patch(base("/order")).then().statusCode(200);
        caller.request().body(Map.of("ordered_track_ids", List.of())).patch(base("/order")).then().statusCode(200);
        caller.request().delete(base("/tracks/" + outsider)).then().statusCode(200);
        caller.move(collection, Map.of("range_start", 0, "insert_before", 1)).then().statusCode(200);
        caller.restore(collection, Map.of("revision", 2)).then().statusCode(200).header("ETag", "\"2\"");
        caller.request().delete(caller.path("/tracks/" + outsider)).then().statusCode(200);
        caller.request().body(Map.of("name", "renamed")).patch(base("")).then().statusCode(200);

        assertEquals(List.of(2, 1), caller.history(collection).stream().map(entry -> entry.get("revision")).toList());
    }

    @Test
    void aNewCollectionHasNoEntries() {
        caller.request().get(base("/order/history")).then().statusCode(200)
                .body("items", equalTo(List.of()));
        caller.request().get(base("/order/history/0")).then().statusCode(404)
                .body("error.code", equalTo("RESOURCE_NOT_FOUND"));
    }

    @Test
    void theHistoryIsPagedNewestFirst() {
        caller.addNewTracks(collection, 7);
        assertEquals(List.of(7, 6, 5), revisions("?limit=3"));
        assertEquals(List.of(4, 3, 2), revisions("?limit=3&offset=3"));
        assertEquals(List.of(1), revisions("?limit=3&offset=6"));
        assertEquals(List.of(), revisions("?offset=7"));
        assertEquals(List.of(), revisions("?offset=2147483647"));
        assertEquals(List.of(7, 6, 5, 4, 3, 2, 1), revisions("?limit=100"));
        assertEquals(List.of(7), revisions("?limit=1"));
        caller.request().get(base("/order/history?limit=2&offset=5")).then().statusCode(200)
                .body("limit", equalTo(2)).body("offset", equalTo(5));
    }

    @Test
    void aPageOutOfRangeIs422AndOneThatIsNoNumberIs400() {
        for (String query : List.of("limit=0", "limit=101", "limit=-1", "limit=2147483647")) {
            caller.request().get(base("/order/history?" + query)).then().statusCode(422)
                    .body("error.code", equalTo("VALIDATION_ERROR"))
                    .body("error.details.field", equalTo("limit"));
        }
        caller.request().get(base("/order/history?offset=-1")).then().statusCode(422)
                .body("error.details.field", equalTo("offset"));
        for (String query : List.of("limit=ten", "limit=1.5", "limit=1e2", "limit=%2B5", "limit=99999999999",
                "offset=x", "offset=0x10")) {
            caller.request().urlEncodingEnabled(false).get(base("/order/history?" + query)).then().statusCode(400)
                    .body("error.code", equalTo("INVALID_REQUEST"));
        }
    }

    @Test
    void aRevisionWithoutAnEntryIs404() {
        caller.addNewTracks(collection, 2);
        for (String revision : List.of("0", "3", "999999999999999999", "99999999999999999999", "-1", "1.0", "01x",
                "one", "%20")) {
            caller.request().urlEncodingEnabled(false).get(base("/order/history/" + revision)).then().statusCode(404)
                    .body("error.code", equalTo("RESOURCE_NOT_FOUND"));
        }
        // Leading zeros name the same revision.
        assertEquals(caller.recordedOrder(collection, 2), caller.request().get(base("/order/history/002"))
                .then().statusCode(200).extract().path("track_ids"));
    }

    @Test
    void theHistoryIsTaggedAndAnswers304UntilItChanges() {
        List<String> tracks = caller.addNewTracks(collection, 2);
        for (String path : List.of("/order/history", "/order/history/2")) {
            String etag = caller.request().get(base(path)).then().statusCode(200).extract().header("ETag");
            caller.request().header("If-None-Match", etag).get(base(path)).then().statusCode(304).body(emptyString());
        }
        String page = caller.request().get(base("/order/history")).header("ETag");
        caller.move(collection, Map.of("track_ids", List.of(tracks.get(1)), "before_track_id", tracks.get(0)))
                .then().statusCode(200);
        String changed = caller.request().header("If-None-Match", page).get(base("/order/history"))
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(page, changed);
    }

    @Test
    void aRestorePutsTheRecordedOrderFirstAndTracksAddedSinceAfter() throws Exception {
        List<String> tracks = caller.addNewTracks(collection, 4); // a b c d, revision 4
        String a = tracks.get(0);
        String b = tracks.get(1);
        String c = tracks.get(2);
        String d = tracks.get(3);
        caller.request().body(Map.of("ordered_track_ids", List.of(d, c, b, a))).patch(base("/order")).then()
                .statusCode(200); // 5
        caller.request().delete(base("/tracks/" + c)).then().statusCode(200); // 6: d b a
        String e = caller.newTrack();
        String f = caller.newTrack();
        caller.add(collection, f); // 7: d b a f
        caller.add(collection, e); // 8: d b a f e
        caller.move(collection, Map.of("track_ids", List.of(e), "before_track_id", d)).then().statusCode(200);
        // 9: e d b a f. Restoring 4 (a b c d): a b d in that order, c skipped, then e f as they are now.
        caller.restore(collection, Map.of("revision", 4)).then().statusCode(200)
                .header("ETag", "\"10\"")
                .body(equalTo("{\"success\":true,\"id\":\"" + collection + "\",\"detail\":\"Collection order restored.\"}"));
        assertEquals(List.of(a, b, d, e, f), caller.order(collection));
        assertEquals(List.of(a, b, d, e, f), TestDatabase.denseOrder(caller.organizationId(), collection));
        assertEquals(List.of(a, b, d, e, f), caller.recordedOrder(collection, 10));
        Map<String, Object> entry = caller.history(collection).get(0);
        assertEquals(10, entry.get("revision"));
        assertEquals("restore", entry.get("change"));
        assertEquals(caller.userId(), entry.get("actor"));
        assertEquals(5, entry.get("track_count"));
    }

    @Test
    void undoIsARestoreOfThePreviousRevisionAndCanItselfBeUndone() throws Exception {
        List<String> tracks = caller.addNewTracks(collection, 3); // revision 3: a b c
        List<String> moved = List.of(tracks.get(2), tracks.get(0), tracks.get(1));
        caller.move(collection, Map.of("range_start", 2, "insert_before", 0)).then().statusCode(200)
                .header("ETag", "\"4\"");
        assertEquals(moved, caller.order(collection));

        caller.restore(collection, Map.of("revision", 3)).then().statusCode(200).header("ETag", "\"5\"");
        assertEquals(tracks, caller.order(collection));
        caller.restore(collection, Map.of("revision", 4)).then().statusCode(200).header("ETag", "\"6\"");
        assertEquals(moved, caller.order(collection));
        // Restoring the order the collection has already writes nothing.
        caller.restore(collection, Map.of("revision", 6)).then().statusCode(200).header("ETag", "\"6\"");
        caller.restore(collection, Map.of("revision", 4)).then().statusCode(200).header("ETag", "\"6\"");

        assertEquals(List.of("restore", "restore", "move", "add", "add", "add"),
                caller.history(collection).stream().map(entry -> entry.get("change")).toList());
        assertEquals(6, TestDatabase.revision(caller.organizationId(), collection));
    }

    @Test
    void aRestoreHonoursIfMatch() {
        List<String> tracks = caller.addNewTracks(collection, 2);
        caller.move(collection, Map.of("range_start", 1, "insert_before", 0)).then().statusCode(200);
        String restore = base("/order/restore");
        for (String stale : List.of("\"2\"", "\"4\"", "\"3.0\"")) {
            caller.request().header("If-Match", stale).body(Map.of("revision", 2)).post(restore).then().statusCode(412)
                    .body("error.code", equalTo("PRECONDITION_FAILED"))
                    .body("error.details.etag", equalTo("\"3\""));
        }
        assertEquals(List.of(tracks.get(1), tracks.get(0)), caller.order(collection));
        assertEquals(3, caller.history(collection).size());
        caller.request().header("If-Match", "\"3\"").body(Map.of("revision", 2)).post(restore).then().statusCode(200)
                .header("ETag", "\"4\"");
        assertEquals(tracks, caller.order(collection));
    }

    @Test
    void aRestoreOfARevisionWithoutAnEntryIs404AndABadBodyIs422() throws Exception {
        caller.addNewTracks(collection, 2);
        List<Map<String, Object>> history = caller.history(collection);
        for (long revision : List.of(0L, 3L, Long.MAX_VALUE)) {
            caller.restore(collection, Map.of("revision", revision)).then().statusCode(404)
                    .body("error.code", equalTo("RESOURCE_NOT_FOUND"));
        }
        for (String body : List.of("{}", "{\"revision\": null}", "{\"revision\": -1}", "{\"revision\": \"1\"}",
                "{\"revision\": 1.5}", "{\"revision\": 1.0}", "{\"revision\": 1e0}", "{\"revision\": true}",
                "{\"revision\": [1]}", "{\"revision\": 9223372036854775808}")) {
            caller.restore(collection, body).then().statusCode(422)
                    .body("error.code", equalTo("VALIDATION_ERROR"))
                    .body("error.details", equalTo(Map.of("field", "revision")));
        }
        caller.restore(collection, "{\"revision\": 1, \"track_ids\": []}").then().statusCode(422)
                .body("error.details", equalTo(Map.of("field", "track_ids")));
        for (String body : List.of("[]", "1", "\"revision\"", "null", "")) {
            caller.restore(collection, body).then().statusCode(422)
                    .body("error.details", equalTo(Map.of("field", "body")));
        }
        caller.restore(collection, "{\"revision\": ").then().statusCode(400)
                .body("error.code", equalTo("INVALID_REQUEST"));
        assertEquals(history, caller.history(collection));
        assertEquals(2, TestDatabase.revision(caller.organizationId(), collection));
    }

    @Test
    void aTrackDeletedFromSeveralCollectionsIsAnEntryInEach() throws Exception {
        String other = caller.newCollection();
        String untouched = caller.newCollection();
        String shared = caller.newTrack();
        List<String> first = caller.addNewTracks(collection, 2);
        caller.add(collection, shared); // x y s, revision 3
        caller.add(other, shared);
        List<String> second = caller.addNewTracks(other, 1); // s z, revision 2
        caller.addNewTracks(untouched, 1);

        caller.request().delete(caller.path("/tracks/" + shared)).then().statusCode(200);

        Map<String, Object> entry = caller.history(collection).get(0);
        assertEquals(Map.of("revision", 4, "change", "track_deleted", "actor", caller.userId(), "track_count", 2),
                withoutTime(entry));
        assertEquals(first, caller.recordedOrder(collection, 4));
        assertEquals(Map.of("revision", 3, "change", "track_deleted", "actor", caller.userId(), "track_count", 1),
                withoutTime(caller.history(other).get(0)));
        assertEquals(second, caller.recordedOrder(other, 3));
        assertEquals(List.of("add"), caller.history(untouched).stream().map(e -> e.get("change")).toList());
    }

    @Test
    void theActorIsTheUserOfTheKeyNotTheKey() {
        String secondKey = Api.admin().body(Map.of("organization_id", caller.organizationId(), "user_id",
                caller.userId(), "name", "second")).post("/admin/api-keys").then().statusCode(201)
                .extract().path("api_key");
        Api.Caller sameUser = new Api.Caller(caller.organizationId(), caller.userId(), secondKey);
        sameUser.addNewTracks(collection, 1);
        Map<String, Object> entry = caller.history(collection).get(0);
        assertEquals(caller.userId(), entry.get("actor"));
        assertFalse(caller.history(collection).toString().contains(secondKey), "no key in the history");
    }

    @Test
    void aCollectionThatIsNotTheCallersHasNoHistoryToReadOrRestore() throws Exception {
        caller.addNewTracks(collection, 2);
        Api.Caller colleague = Api.newCaller(caller.organizationId());
        String deleted = caller.newCollection();
        caller.addNewTracks(deleted, 1);
        caller.request().delete(caller.path("/collections/" + deleted)).then().statusCode(200);
        List<String> rows = TestDatabase.rows(caller.organizationId(), "none");

        for (Api.Caller who : List.of(colleague, caller)) {
            String target = who == caller ? deleted : collection;
            for (String missing : List.of(target, "mcoll_0000000000000000")) {
                String path = who.path("/collections/" + missing + "/order");
                Map<String, Object> details = Map.of("collection_id", missing);
                who.request().get(path + "/history").then().statusCode(404).body("error.details", equalTo(details));
                who.request().get(path + "/history/1").then().statusCode(404).body("error.details", equalTo(details));
                who.restore(missing, Map.of("revision", 1)).then().statusCode(404)
                        .body("error.details", equalTo(details));
            }
        }
        assertEquals(rows, TestDatabase.rows(caller.organizationId(), "none"));
    }

    private String base(String rest) {
        return caller.path("/collections/" + collection + rest);
    }

    private List<Object> revisions(String query) {
        return caller.request().get(base("/order/history" + query)).then().statusCode(200).extract()
                .path("items.revision");
    }

    private static Map<String, Object> withoutTime(Map<String, Object> entry) {
        Map<String, Object> rest = new HashMap<>(entry);
        assertTrue(rest.remove("changed_at") != null, "changed_at");
        return rest;
    }
}
