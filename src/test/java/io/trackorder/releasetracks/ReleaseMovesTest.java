package io.trackorder.releasetracks;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.trackorder.support.Releases;
import io.trackorder.support.SeedSchema;
import io.trackorder.support.TestDatabase;

/** POST /releases/{id}/tracks/move: both forms, every refusal, and who may move what when. */
@QuarkusTest
class ReleaseMovesTest {

    private final Releases.Member owner = Releases.newMember();
    private final TrackOrders orders = new TrackOrders(owner);

    /** Tracks of a new six-track release picked by zero-based index, written "1 2 0". */
    private static List<String> pick(List<String> tracks, String indexes) {
        return Arrays.stream(indexes.split(" ")).map(index -> tracks.get(Integer.parseInt(index))).toList();
    }

    @ParameterizedTest(name = "rangeStart {0}, rangeLength {1}, insertBefore {2} → {3}")
    @CsvSource({
            "0, 1, 6, 1 2 3 4 5 0", // first to the end
            "4, 2, 0, 4 5 0 1 2 3", // last two to the start
            "1, 2, 5, 0 3 4 1 2 5", // forward
            "3, 2, 1, 0 3 4 1 2 5", // backward
            "2, , 0, 2 0 1 3 4 5", // rangeLength defaults to 1
            "5, 1, 3, 0 1 2 5 3 4" })
    void aRangeMovesBeforeTheTrackAtInsertBefore(int start, Integer length, int insertBefore, String expected)
            throws Exception {
        String release = owner.newRelease(6);
        List<String> t = owner.trackIds(release);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("rangeStart", start, "insertBefore", insertBefore));
        if (length != null) {
            body.put("rangeLength", length);
        }
        assertMoved(release, orders.move(release, body), pick(t, expected));
    }

    @ParameterizedTest(name = "{0} {1} {2} → {3}")
    @CsvSource({
            "5 0, beforeTrackId, 2, 1 5 0 2 3 4",
            "0, afterTrackId, 5, 1 2 3 4 5 0",
            "4 1, afterTrackId, 0, 0 4 1 2 3 5",
            "2, beforeTrackId, 0, 2 0 1 3 4 5",
            "0 1 2, afterTrackId, 3, 3 0 1 2 4 5",
            "5 3 1, beforeTrackId, 4, 0 2 5 3 1 4" })
    void idsMoveInTheGivenOrderNextToTheAnchor(String ids, String anchorField, int anchor, String expected)
            throws Exception {
        String release = owner.newRelease(6);
        List<String> t = owner.trackIds(release);
        assertMoved(release, orders.move(release, Map.of("trackIds", pick(t, ids), anchorField, t.get(anchor))),
                pick(t, expected));
    }

    @Test
    void idsAreUuidsInAnyCase() throws Exception {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        assertMoved(release, orders.move(release, Map.of("trackIds", List.of(upper(t.get(2))),
                "beforeTrackId", upper(t.get(0)))), List.of(t.get(2), t.get(0), t.get(1)));
    }

    /** The move answered the new order, numbered 1…n, tagged with the next revision, and recorded it. */
    private void assertMoved(String release, ValidatableResponse moved, List<String> expected) throws Exception {
        List<Object> tracks = moved.statusCode(200)
                .header("ETag", "\"1.0\"")
                .body("success", equalTo(true))
                .body("message", equalTo("Tracks reordered successfully"))
                .body("data.id", equalTo(expected))
                .body("data.trackNumber", equalTo(IntStream.rangeClosed(1, expected.size()).boxed().toList()))
                .body("data.ReleaseId", equalTo(expected.stream().map(id -> release).toList()))
                .extract().path("data");
        SeedSchema.assertReleaseTracks(tracks);
        assertEquals(expected, TestDatabase.denseTrackNumbers(release));
        assertEquals(expected, owner.trackIds(release));
        owner.request().get("/releases/" + release).then().body("data.revision", equalTo(1))
                .body("data.tracks.id", equalTo(expected));
        orders.history(release, "").statusCode(200)
                .body("data.items[0].change", equalTo("move"))
                .body("data.items[0].revision", equalTo(1))
                .body("data.items[0].actor", equalTo(owner.userId()))
                .body("data.items[0].trackCount", equalTo(expected.size()));
        assertEquals(expected, orders.recorded(release, 1));
    }

    @Test
    void aMoveThatLeavesTheOrderAsItIsWritesNothing() {
        String release = owner.newRelease(4);
        List<String> t = owner.trackIds(release);
        List<Map<String, Object>> inPlace = List.of(
                Map.of("rangeStart", 1, "rangeLength", 2, "insertBefore", 1), // at its own start
                Map.of("rangeStart", 1, "rangeLength", 2, "insertBefore", 2), // inside the range
                Map.of("rangeStart", 1, "rangeLength", 2, "insertBefore", 3), // just after it
                Map.of("rangeStart", 0, "rangeLength", 4, "insertBefore", 4), // the whole list to the end
                Map.of("rangeStart", 3, "insertBefore", 4), // the last to the end
                Map.of("trackIds", List.of(t.get(1)), "afterTrackId", t.get(0)),
                Map.of("trackIds", List.of(t.get(1), t.get(2)), "beforeTrackId", t.get(3)),
                Map.of("trackIds", List.of(t.get(0)), "beforeTrackId", t.get(1)));
        for (Map<String, Object> body : inPlace) {
            orders.assertWritesNothing(release, () -> orders.move(release, body).statusCode(200)
                    .header("ETag", "\"0.0\"")
                    .body("message", equalTo("Tracks reordered successfully"))
                    .body("data.id", equalTo(t))
                    .body("data.trackNumber", equalTo(List.of(1, 2, 3, 4))));
        }
        orders.history(release, "").body("data.items.change", equalTo(List.of("add")));
    }

    @Test
    void aRangeOrTargetBeyondTheListIs400NamingTheField() {
        String release = owner.newRelease(3);
        String empty = owner.newRelease(0);
        Map<String, Map<String, Object>> refused = new LinkedHashMap<>();
        refused.put("rangeStart", Map.of("rangeStart", 3, "insertBefore", 0));
        refused.put("rangeLength", Map.of("rangeStart", 2, "rangeLength", 2, "insertBefore", 0));
        refused.put("insertBefore", Map.of("rangeStart", 0, "insertBefore", 4));
        refused.forEach((field, body) -> orders.assertWritesNothing(release,
                () -> assertRefused(orders.move(release, body), field).body("message", containsString("(3)"))));
        orders.assertWritesNothing(empty, () -> assertRefused(
                orders.move(empty, Map.of("rangeStart", 0, "insertBefore", 0)), "rangeStart")
                .body("message", containsString("(0)")));
    }

    @Test
    void theLargestNumbersAreRefusedAsBeyondTheList() {
        String release = owner.newRelease(3);
        int max = Integer.MAX_VALUE;
        Map<String, Map<String, Object>> refused = new LinkedHashMap<>();
        refused.put("rangeStart", Map.of("rangeStart", max, "rangeLength", max, "insertBefore", max));
        refused.put("rangeLength", Map.of("rangeStart", 1, "rangeLength", max, "insertBefore", 0));
        refused.put("insertBefore", Map.of("rangeStart", 1, "insertBefore", max));
        refused.forEach((field, body) -> orders.assertWritesNothing(release,
                () -> assertRefused(orders.move(release, body), field)));
    }

    @Test
    void idsThatAreNotTracksOfTheReleaseAre400NamingThem() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        String otherReleasesTrack = owner.trackIds(owner.newRelease(1)).get(0);
        String unknown = UUID.randomUUID().toString();
        orders.assertWritesNothing(release, () -> assertRefused(orders.move(release,
                Map.of("trackIds", List.of(t.get(1), unknown, otherReleasesTrack, "track1-uuid"), "afterTrackId",
                        t.get(2))),
                "trackIds")
                .body("message", allOf(containsString(unknown), containsString(otherReleasesTrack),
                        containsString("track1-uuid"), not(containsString(t.get(1))))));
        for (String anchorField : List.of("beforeTrackId", "afterTrackId")) {
            for (String anchor : List.of(unknown, otherReleasesTrack, "track1-uuid", "00000000-0000-0000-0000-000000000000")) {
                orders.assertWritesNothing(release, () -> assertRefused(
                        orders.move(release, Map.of("trackIds", List.of(t.get(0)), anchorField, anchor)), anchorField));
            }
        }
    }

    @Test
    void anAnchorAmongTheMovedTracksIs400NamingTheAnchor() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        for (String anchorField : List.of("beforeTrackId", "afterTrackId")) {
            orders.assertWritesNothing(release, () -> assertRefused(orders.move(release,
                    Map.of("trackIds", List.of(t.get(0), t.get(1)), anchorField, t.get(1))), anchorField));
            orders.assertWritesNothing(release, () -> assertRefused(orders.move(release,
                    Map.of("trackIds", List.of(t.get(0), t.get(1)), anchorField, upper(t.get(0)))), anchorField));
        }
    }

    @Test
    void aRepeatedIdIs400NamingIt() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        for (List<String> ids : List.of(List.of(t.get(0), t.get(1), t.get(0)), List.of(t.get(0), upper(t.get(0))))) {
            orders.assertWritesNothing(release, () -> assertRefused(
                    orders.move(release, Map.of("trackIds", ids, "beforeTrackId", t.get(2))), "trackIds")
                    .body("message", containsString(t.get(0))));
        }
    }

    @Test
    void bothAnchorsOrNoneIs400NamingBeforeTrackId() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        orders.assertWritesNothing(release, () -> assertRefused(orders.move(release,
                Map.of("trackIds", List.of(t.get(0)), "beforeTrackId", t.get(2), "afterTrackId", t.get(1))),
                "beforeTrackId"));
        orders.assertWritesNothing(release, () -> assertRefused(
                orders.move(release, Map.of("trackIds", List.of(t.get(0)))), "beforeTrackId"));
        orders.assertWritesNothing(release, () -> assertRefused(
                orders.move(release, Map.of("beforeTrackId", t.get(2))), "trackIds"));
    }

    @Test
    void aRangeFieldWithAnIdFieldIs400NamingTrackIds() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        List<Map<String, Object>> mixed = List.of(
                Map.of("rangeStart", 0, "insertBefore", 3, "trackIds", List.of(t.get(0)), "beforeTrackId", t.get(2)),
                Map.of("rangeStart", 0, "insertBefore", 3, "afterTrackId", t.get(2)),
                Map.of("trackIds", List.of(t.get(0)), "beforeTrackId", t.get(2), "rangeLength", 1),
                Map.of("insertBefore", 3, "trackIds", List.of(t.get(0))));
        for (Map<String, Object> body : mixed) {
            orders.assertWritesNothing(release, () -> assertRefused(orders.move(release, body), "trackIds"));
        }
    }

    /** The fields are read in the order rangeStart, rangeLength, insertBefore: the first wrong one is named. */
    @ParameterizedTest(name = "{1} → {0}")
    @CsvSource(delimiter = '|', value = {
            "rangeStart   | {\"insertBefore\": 0}",
            "rangeStart   | {}",
            "rangeStart   | {\"rangeStart\": \"1\", \"insertBefore\": 0}",
            "rangeStart   | {\"rangeStart\": 1.5, \"insertBefore\": 0}",
            "rangeStart   | {\"rangeStart\": 1.0, \"insertBefore\": 0}",
            "rangeStart   | {\"rangeStart\": null, \"insertBefore\": 0}",
            "rangeStart   | {\"rangeStart\": -1, \"insertBefore\": 0}",
            "rangeStart   | {\"rangeStart\": true, \"insertBefore\": 0}",
            "rangeStart   | {\"rangeStart\": [0], \"insertBefore\": 0}",
            "rangeStart   | {\"rangeStart\": 2147483648, \"insertBefore\": 0}",
            "rangeStart   | {\"rangeStart\": -2147483649, \"insertBefore\": 0}",
            "rangeStart   | {\"rangeStart\": 1e10, \"insertBefore\": 0}",
            "rangeStart   | {\"rangeStart\": 99999999999999999999999999, \"insertBefore\": 0}",
            "insertBefore | {\"rangeStart\": 0}",
            "insertBefore | {\"rangeStart\": 0, \"insertBefore\": -1}",
            "insertBefore | {\"rangeStart\": 0, \"insertBefore\": \"end\"}",
            "insertBefore | {\"rangeStart\": 0, \"insertBefore\": 1e400}",
            "insertBefore | {\"rangeStart\": 0, \"insertBefore\": null}",
            "rangeLength  | {\"rangeStart\": 0, \"rangeLength\": 0, \"insertBefore\": 2}",
            "rangeLength  | {\"rangeStart\": 0, \"rangeLength\": -1, \"insertBefore\": 2}",
            "rangeLength  | {\"rangeStart\": 0, \"rangeLength\": null, \"insertBefore\": 2}",
            "rangeLength  | {\"rangeStart\": 0, \"rangeLength\": \"2\", \"insertBefore\": 2}",
            "rangeLength  | {\"rangeStart\": 0, \"rangeLength\": 2.0, \"insertBefore\": -1}" })
    void aRangeFieldThatIsNotAWholeNumberInRangeIs400NamingIt(String field, String body) {
        String release = owner.newRelease(3);
        orders.assertWritesNothing(release, () -> assertRefused(orders.move(release, body), field));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"trackIds\": [], \"beforeTrackId\": \"{0}\"}",
            "{\"trackIds\": null, \"beforeTrackId\": \"{0}\"}",
            "{\"trackIds\": \"{1}\", \"beforeTrackId\": \"{0}\"}",
            "{\"trackIds\": {\"id\": \"{1}\"}, \"beforeTrackId\": \"{0}\"}",
            "{\"trackIds\": [1, 2], \"beforeTrackId\": \"{0}\"}",
            "{\"trackIds\": [\"{1}\", null], \"beforeTrackId\": \"{0}\"}",
            "{\"trackIds\": [\"\"], \"beforeTrackId\": \"{0}\"}",
            "{\"trackIds\": [[\"{1}\"]], \"beforeTrackId\": \"{0}\"}" })
    void trackIdsThatAreNotANonEmptyArrayOfIdsAre400(String body) {
        assertIdFormRefused(body, "trackIds");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"trackIds\": [\"{1}\"], \"beforeTrackId\": null}",
            "{\"trackIds\": [\"{1}\"], \"beforeTrackId\": 1}",
            "{\"trackIds\": [\"{1}\"], \"beforeTrackId\": \"\"}",
            "{\"trackIds\": [\"{1}\"], \"beforeTrackId\": [\"{0}\"]}",
            "{\"trackIds\": [\"{1}\"], \"beforeTrackId\": {\"id\": \"{0}\"}}" })
    void anAnchorThatIsNotAnIdIs400NamingIt(String body) {
        assertIdFormRefused(body, "beforeTrackId");
        assertIdFormRefused(body.replace("beforeTrackId", "afterTrackId"), "afterTrackId");
    }

    /** Refused with a body in which {0} and {1} stand for the first and second track. */
    private void assertIdFormRefused(String template, String field) {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        String body = template.replace("{0}", t.get(0)).replace("{1}", t.get(1));
        orders.assertWritesNothing(release, () -> assertRefused(orders.move(release, body), field));
    }

    @Test
    void atMostAThousandIdsMove() {
        String release = owner.newRelease(2);
        List<String> t = owner.trackIds(release);
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        orders.assertWritesNothing(release, () -> assertRefused(
                orders.move(release, Map.of("trackIds", tooMany, "beforeTrackId", t.get(0))), "trackIds")
                .body("message", containsString("at most 1000")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "[]", "[{\"rangeStart\": 0, \"insertBefore\": 2}]", "\"move\"", "1", "null", "true",
            "{\"rangeStart\": 0,", "{rangeStart: 0, insertBefore: 2}" })
    void aBodyThatIsNotAJsonObjectIs400(String body) {
        String release = owner.newRelease(2);
        orders.assertWritesNothing(release, () -> orders.move(release, body).statusCode(400)
                .body("status", equalTo("error"))
                .body("message", not(equalTo("")))
                .body("success", nullValue()));
    }

    @Test
    void noBodyIs400AndAnotherMediaTypeIs415() {
        String release = owner.newRelease(2);
        orders.assertWritesNothing(release,
                () -> owner.request().post(TrackOrders.path(release, "/move")).then().statusCode(400)
                        .body("status", equalTo("error")));
        orders.assertWritesNothing(release, () -> owner.request().contentType(ContentType.TEXT)
                .body("{\"rangeStart\": 0, \"insertBefore\": 2}").post(TrackOrders.path(release, "/move")).then()
                .statusCode(415).body("status", equalTo("error")));
    }

    @Test
    void otherFieldsAreIgnored() throws Exception {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        assertMoved(release, orders.move(release, Map.of("rangeStart", 0, "insertBefore", 3, "note", Map.of("a", 1),
                "range_start", "x", "trackOrder", List.of())), List.of(t.get(1), t.get(2), t.get(0)));
    }

    @Test
    void onlyDraftAndRejectedReleasesMove() throws Exception {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        Map<String, Object> byRange = Map.of("rangeStart", 0, "insertBefore", 3);
        Map<String, Object> byId = Map.of("trackIds", List.of(t.get(2)), "beforeTrackId", t.get(0));
        orders.submit(release);
        assertNotEditable(release, byRange, byId, "submitted");
        orders.review(release, "reject");
        orders.move(release, byRange).statusCode(200).body("data.id", equalTo(List.of(t.get(1), t.get(2), t.get(0))));
        orders.move(release, byId).statusCode(200).body("data.id", equalTo(List.of(t.get(1), t.get(2), t.get(0))));
        orders.move(release, Map.of("trackIds", List.of(t.get(0)), "beforeTrackId", t.get(1))).statusCode(200)
                .body("data.id", equalTo(List.of(t.get(0), t.get(1), t.get(2))));
        orders.submit(release);
        orders.review(release, "approve");
        assertNotEditable(release, byRange, byId, "approved");
        orders.history(release, "").body("data.items.change", equalTo(List.of("move", "move", "add")));
    }

    private void assertNotEditable(String release, Map<String, Object> byRange, Map<String, Object> byId,
            String status) {
        for (Map<String, Object> body : List.of(byRange, byId)) {
            orders.assertWritesNothing(release, () -> orders.move(release, body).statusCode(400)
                    .body("status", equalTo("error"))
                    .body("message", containsString(status)));
        }
    }

    @Test
    void othersSeeNoReleaseToMoveButTheWorkspaceAdminMovesIt() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        Map<String, Object> body = Map.of("trackIds", List.of(t.get(2)), "beforeTrackId", t.get(0));
        for (Releases.Member other : List.of(owner.colleague(), Releases.newMember().adminOfWorkspace(),
                Releases.newMember())) {
            orders.assertWritesNothing(release, () -> orders.move(other.request(), release, body).statusCode(404)
                    .body("status", equalTo("error"))
                    .body("message", not(containsString(t.get(2)))));
        }
        Releases.Member admin = owner.adminOfWorkspace();
        orders.move(admin.request(), release, body).statusCode(200)
                .body("data.id", equalTo(List.of(t.get(2), t.get(0), t.get(1))));
        orders.history(release, "").body("data.items[0].actor", equalTo(admin.userId()));
    }

    @Test
    void anUnknownOrDeletedReleaseIs404() {
        String deleted = owner.newRelease(2);
        owner.request().delete("/releases/" + deleted).then().statusCode(200);
        for (String release : List.of(deleted, UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000",
                "not-a-uuid", "1")) {
            orders.move(release, Map.of("rangeStart", 0, "insertBefore", 2)).statusCode(404)
                    .body("status", equalTo("error"));
        }
    }

    @Test
    void aStaleIfMatchIs412AndWritesNothing() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        Map<String, Object> body = Map.of("rangeStart", 2, "insertBefore", 0);
        owner.request().body(Map.of("title", "4")).post(TrackOrders.path(release, "")).then().statusCode(201);
        for (String stale : List.of("\"0.0\"", "W/\"1.0\"", "\"1.1\"", "\"2.0\"")) {
            orders.assertWritesNothing(release, () -> orders.move(owner.request().header("If-Match", stale), release, body)
                    .statusCode(412).body("status", equalTo("error")));
        }
        List<String> now = owner.trackIds(release);
        orders.move(owner.request().header("If-Match", "\"1.0\""), release, body).statusCode(200)
                .header("ETag", "\"2.0\"")
                .body("data.id", equalTo(List.of(now.get(2), now.get(0), now.get(1), now.get(3))));
        orders.move(owner.request().header("If-Match", "*"), release,
                Map.of("trackIds", List.of(t.get(0)), "beforeTrackId", now.get(2))).statusCode(200)
                .header("ETag", "\"3.0\"")
                .body("data", hasSize(4));
    }

    private static ValidatableResponse assertRefused(ValidatableResponse response, String field) {
        return response.statusCode(400)
                .body("status", equalTo("error"))
                .body("message", not(equalTo("")))
                .body("errors[0].field", equalTo(field))
                .body("success", nullValue());
    }

    private static String upper(String id) {
        return id.toUpperCase(Locale.ROOT);
    }
}
