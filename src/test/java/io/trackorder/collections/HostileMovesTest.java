package io.trackorder.collections;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.trackorder.support.Api;
import io.trackorder.support.Garbage;
import io.trackorder.support.Internals;
import io.trackorder.support.TestDatabase;

/**
 * Moves, history reads and restores given what no client should send: oversize ids and bodies,
 * SQL text as ids, deep nesting. Each is a 4xx in the envelope without internals, and nothing
 * changes.
 */
@QuarkusTest
class HostileMovesTest {

    private static final List<String> SQL = List.of("' OR '1'='1", "1; DROP TABLE tracks;--", "\") OR 1=1 --",
            "%' AND 1=0 UNION SELECT 1--", "mtrack_x'); DELETE FROM collection_tracks; --", "$1", "?3", "\\");

    private Api.Caller caller;
    private String collection;
    private List<String> tracks;
    private List<String> snapshot;

    @BeforeEach
    void threeTracks() throws Exception {
        caller = Api.newCaller();
        collection = caller.newCollection();
        tracks = caller.addNewTracks(collection, 3);
        snapshot = TestDatabase.rows(caller.organizationId(), "none");
    }

    private void assertNothingChanged() throws Exception {
        assertEquals(snapshot, TestDatabase.rows(caller.organizationId(), "none"));
    }

    /**
     * A refusal in the envelope, with the status and code given and no internals besides the SQL
     * text the request sent, which an error may name as the ids it was given.
     */
    private static ValidatableResponse refused(Response response, int status, String code) {
        String shown = response.asString();
        for (String sent : SQL) {
            String quoted = Garbage.quote(sent);
            shown = shown.replace(quoted.substring(1, quoted.length() - 1), "").replace(sent, "");
        }
        assertEquals(List.of(), Internals.in(shown), response.asString());
        return response.then().statusCode(status)
                .body("success", equalTo(false))
                .body("error.code", equalTo(code))
                .body("error.status", equalTo(status));
    }

    @Test
    void sqlTextAsIdsIsOnlyIdsThatAreNotMembers() throws Exception {
        refused(caller.move(collection, Map.of("track_ids", SQL, "before_track_id", tracks.get(0))), 422,
                "VALIDATION_ERROR").body("error.details", equalTo(Map.of("field", "track_ids", "not_member_ids", SQL)));
        for (String anchor : SQL) {
            refused(caller.move(collection, Map.of("track_ids", List.of(tracks.get(2)), "after_track_id", anchor)), 422,
                    "VALIDATION_ERROR").body("error.details", equalTo(Map.of("field", "after_track_id")));
        }
        for (String id : SQL) {
            String segment = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            String path = caller.path("/collections/" + segment + "/order");
            refused(caller.request().urlEncodingEnabled(false).body(Map.of("range_start", 0, "insert_before", 3))
                    .post(path + "/moves"), 404, "RESOURCE_NOT_FOUND");
            refused(caller.request().urlEncodingEnabled(false).get(path + "/history"), 404, "RESOURCE_NOT_FOUND");
            refused(caller.request().urlEncodingEnabled(false)
                    .get(caller.path("/collections/" + collection + "/order/history/" + segment)), 404,
                    "RESOURCE_NOT_FOUND");
        }
        refused(caller.restore(collection, "{\"revision\": \"1 OR 1=1\"}"), 422, "VALIDATION_ERROR");
        assertNothingChanged();
        assertEquals(tracks, caller.order(collection));
    }

    @Test
    void oversizeIdsAreRefusedOrNameNothing() throws Exception {
        String longId = "mtrack_" + "x".repeat(10_000);
        refused(caller.move(collection, Map.of("track_ids", List.of(longId), "before_track_id", tracks.get(0))), 422,
                "VALIDATION_ERROR").body("error.details", equalTo(Map.of("field", "track_ids")));
        refused(caller.move(collection, Map.of("track_ids", List.of(tracks.get(1)), "before_track_id", longId)), 422,
                "VALIDATION_ERROR").body("error.details", equalTo(Map.of("field", "before_track_id")));
        // The longest id a client may send is only one that is not a member.
        String longest = "x".repeat(128);
        refused(caller.move(collection, Map.of("track_ids", List.of(longest), "before_track_id", tracks.get(0))), 422,
                "VALIDATION_ERROR").body("error.details.not_member_ids", equalTo(List.of(longest)));
        String longCollection = caller.path("/collections/mcoll_" + "f".repeat(1_000) + "/order");
        refused(caller.request().body(Map.of("range_start", 0, "insert_before", 3)).post(longCollection + "/moves"), 404,
                "RESOURCE_NOT_FOUND");
        refused(caller.request().get(longCollection + "/history"), 404, "RESOURCE_NOT_FOUND");
        refused(caller.request().get(longCollection + "/history/1"), 404, "RESOURCE_NOT_FOUND");
        refused(caller.restore(collection, "{\"revision\": " + "9".repeat(400) + "}"), 422, "VALIDATION_ERROR");
        refused(caller.request().get(caller.path("/collections/" + collection + "/order/history/" + "9".repeat(1_000))),
                404, "RESOURCE_NOT_FOUND");
        assertNothingChanged();
    }

    @Test
    void tenThousandAndOneIdsAreTooMany() throws Exception {
        List<String> ids = IntStream.range(0, 10_001).mapToObj(i -> "mtrack_" + i).toList();
        refused(caller.move(collection, Map.of("track_ids", ids, "before_track_id", tracks.get(0))), 422,
                "VALIDATION_ERROR").body("error.details", equalTo(Map.of("field", "track_ids", "max_items", 10_000)));
        refused(caller.move(collection, Map.of("track_ids", Collections.nCopies(10_001, "\u0000"), "before_track_id",
                tracks.get(0))), 422, "VALIDATION_ERROR").body("error.details.max_items", equalTo(10_000));
        assertNothingChanged();
    }

    /** The error names the first hundred strangers and counts the rest in its message, whatever the request held. */
    @Test
    void tenThousandStrangersAreNamedInPart() throws Exception {
        List<String> ids = new ArrayList<>(IntStream.range(0, 9_999).mapToObj(i -> "mtrack_" + i).toList());
        ids.add(0, tracks.get(1));
        refused(caller.move(collection, Map.of("track_ids", ids, "after_track_id", tracks.get(0))), 422,
                "VALIDATION_ERROR")
                .body("error.details.not_member_ids", equalTo(ids.subList(1, 101)))
                .body("error.system_message", containsString("and 9989 more"));
        assertNothingChanged();
    }

    @Test
    void tenThousandTracksMoveInOneRequest() throws Exception {
        String big = caller.newCollection();
        List<String> seeded = TestDatabase.seedMembers(caller.organizationId(), caller.userId(), big, 10_000);
        String last = seeded.get(9_999);
        caller.move(big, Map.of("track_ids", seeded.subList(0, 9_999), "after_track_id", last)).then().statusCode(200)
                .header("ETag", "\"1\"");
        List<String> expected = new ArrayList<>(seeded);
        Collections.rotate(expected, 1);
        assertEquals(expected, TestDatabase.denseOrder(caller.organizationId(), big));
        caller.move(big, Map.of("range_start", 1, "range_length", 9_999, "insert_before", 0)).then().statusCode(200)
                .header("ETag", "\"2\"");
        assertEquals(seeded, TestDatabase.denseOrder(caller.organizationId(), big));
        assertEquals(expected, caller.recordedOrder(big, 1));
        caller.restore(big, Map.of("revision", 1)).then().statusCode(200).header("ETag", "\"3\"");
        assertEquals(expected, TestDatabase.denseOrder(caller.organizationId(), big));
    }

    @Test
    void jsonNestedTooDeeplyIs400() throws Exception {
        String deep = "[".repeat(40) + "]".repeat(40);
        for (String body : List.of("{\"track_ids\": " + deep + ", \"before_track_id\": \"x\"}",
                "{\"range_start\": 0, \"insert_before\": 1, \"x\": " + "{\"a\": ".repeat(40) + "1" + "}".repeat(40) + "}",
                deep)) {
            refused(caller.move(collection, body), 400, "INVALID_REQUEST")
                    .body("error.system_message", containsString("at most 32 levels of nesting"));
        }
        refused(caller.restore(collection, "{\"revision\": " + deep + "}"), 400, "INVALID_REQUEST");
        assertNothingChanged();
    }
}
