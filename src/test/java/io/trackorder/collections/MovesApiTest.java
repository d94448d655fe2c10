package io.trackorder.collections;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trackorder.support.Api;
import io.trackorder.support.TestDatabase;

/**
 * POST /collections/{id}/order/moves: both forms move exactly what they name, a move that changes
 * nothing writes nothing, and every broken rule is a 422 naming its field with nothing written.
 * Each test starts from a collection of five tracks a, b, c, d, e at revision 5.
 */
@QuarkusTest
class MovesApiTest {

    private Api.Caller caller;
    private String collection;
    private String a;
    private String b;
    private String c;
    private String d;
    private String e;

    @BeforeEach
    void fiveTracks() {
        caller = Api.newCaller();
        collection = caller.newCollection();
        List<String> tracks = caller.addNewTracks(collection, 5);
        a = tracks.get(0);
        b = tracks.get(1);
        c = tracks.get(2);
        d = tracks.get(3);
        e = tracks.get(4);
    }

    @Test
    void rangeMovesTakeTheRangeToJustBeforeTheTrackAtInsertBefore() throws Exception {
        // To the end, back to the start, one forward (default length), two backward.
        assertMoved(range(0, 2, 5), 6, List.of(c, d, e, a, b));
        assertMoved(range(3, 2, 0), 7, List.of(a, b, c, d, e));
        assertMoved(Map.of("range_start", 1, "insert_before", 4), 8, List.of(a, c, d, b, e));
        assertMoved(range(3, 2, 1), 9, List.of(a, b, e, c, d));
        assertMoved(range(0, 5, 5), 9, List.of(a, b, e, c, d));
        assertEquals(List.of(a, b, e, c, d), TestDatabase.denseOrder(caller.organizationId(), collection));
    }

    @Test
    void idMovesPutTheTracksInTheGivenOrderNextToTheAnchor() throws Exception {
        assertMoved(Map.of("track_ids", List.of(e, a), "before_track_id", c), 6, List.of(b, e, a, c, d));
        assertMoved(Map.of("track_ids", List.of(b), "after_track_id", d), 7, List.of(e, a, c, d, b));
        assertMoved(Map.of("track_ids", List.of(e, d), "after_track_id", b), 8, List.of(a, c, b, e, d));
        assertMoved(Map.of("track_ids", List.of(d, b), "before_track_id", a), 9, List.of(d, b, a, c, e));
        assertMoved(Map.of("track_ids", List.of(a, b, c, d), "after_track_id", e), 10, List.of(e, a, b, c, d));
        assertEquals(List.of(e, a, b, c, d), TestDatabase.denseOrder(caller.organizationId(), collection));
    }

    @Test
    void aMoveThatLeavesTheOrderAsItIsWritesNothing() throws Exception {
        String etag = "\"5\"";
        List<Map<String, Object>> unchanged = List.of(
                range(1, 2, 1), range(1, 2, 2), range(1, 2, 3), range(4, 1, 5), range(0, 5, 0), range(0, 5, 5),
                Map.of("range_start", 2, "insert_before", 2),
                Map.of("track_ids", List.of(b), "after_track_id", a),
                Map.of("track_ids", List.of(c, d), "before_track_id", e),
                Map.of("track_ids", List.of(a, b, c, d), "before_track_id", e),
                Map.of("track_ids", List.of(e), "after_track_id", d));
        for (Map<String, Object> move : unchanged) {
            caller.move(collection, move).then().statusCode(200).header("ETag", etag);
        }
        // Conditional on the tag a no-op answered, a real move goes ahead.
        caller.request().header("If-Match", etag).body(range(0, 1, 5))
                .post(caller.path("/collections/" + collection + "/order/moves"))
                .then().statusCode(200).header("ETag", "\"6\"");
        assertEquals(List.of(b, c, d, e, a), caller.order(collection));
        assertEquals(6, caller.history(collection).size(), "five adds and one move");
    }

    @Test
    void aRangeBeyondTheListIs422NamingTheFieldAndTheLength() throws Exception {
        assertNothingWrittenBy(() -> {
            assertInvalid(range(5, 1, 0), Map.of("field", "range_start", "track_count", 5));
            assertInvalid(range(Integer.MAX_VALUE, 1, 0), Map.of("field", "range_start", "track_count", 5));
            assertInvalid(range(3, 3, 0), Map.of("field", "range_length", "track_count", 5));
            assertInvalid(range(0, 6, 6), Map.of("field", "range_length", "track_count", 5));
            assertInvalid(range(0, 1, 6), Map.of("field", "insert_before", "track_count", 5));
            assertInvalid(range(4, 1, Integer.MAX_VALUE), Map.of("field", "insert_before", "track_count", 5));
        });
        String empty = caller.newCollection();
        caller.move(empty, range(0, 1, 0)).then().statusCode(422)
                .body("error.details", equalTo(Map.of("field", "range_start", "track_count", 0)));
        assertEquals(0, TestDatabase.revision(caller.organizationId(), empty));
    }

    /** Near int's largest value the sums of start and length overflow int: still the range that does not fit. */
    @Test
    void aRangeWhoseEndIsBeyondIntIs422() throws Exception {
        assertNothingWrittenBy(() -> {
            assertInvalid(range(1, Integer.MAX_VALUE, 0), Map.of("field", "range_length", "track_count", 5));
            assertInvalid(range(4, Integer.MAX_VALUE, 5), Map.of("field", "range_length", "track_count", 5));
        });
    }

    @Test
    void idsThatAreNotMembersAre422ListingThemInTheGivenOrder() throws Exception {
        String outsider = caller.newTrack();
        String otherOrganizations = Api.newCaller().newTrack();
        assertNothingWrittenBy(() -> {
            assertInvalid(Map.of("track_ids", List.of(a, outsider, "mtrack_nope", b, otherOrganizations),
                    "before_track_id", c),
                    Map.of("field", "track_ids", "not_member_ids", List.of(outsider, "mtrack_nope", otherOrganizations)));
            // Both wrong: the moved ids are reported first.
            assertInvalid(Map.of("track_ids", List.of(outsider), "after_track_id", "mtrack_nope"),
                    Map.of("field", "track_ids", "not_member_ids", List.of(outsider)));
        });
        // A track removed from the collection is no longer one to move.
        caller.request().delete(caller.path("/collections/" + collection + "/tracks/" + a)).then().statusCode(200);
        assertInvalid(Map.of("track_ids", List.of(a), "before_track_id", b),
                Map.of("field", "track_ids", "not_member_ids", List.of(a)));
    }

    @Test
    void anAnchorThatIsNotAMemberOrIsMovedItselfIs422NamingTheAnchorField() throws Exception {
        String outsider = caller.newTrack();
        assertNothingWrittenBy(() -> {
            assertInvalid(Map.of("track_ids", List.of(a), "before_track_id", outsider), field("before_track_id"));
            assertInvalid(Map.of("track_ids", List.of(a), "after_track_id", "mtrack_nope"), field("after_track_id"));
            assertInvalid(Map.of("track_ids", List.of(a, b), "before_track_id", b), field("before_track_id"));
            assertInvalid(Map.of("track_ids", List.of(c), "after_track_id", c), field("after_track_id"));
        });
    }

    @Test
    void theSameIdTwiceIs422ListingTheDuplicates() throws Exception {
        assertNothingWrittenBy(() -> {
            assertInvalid(Map.of("track_ids", List.of(a, b, a, c, b), "before_track_id", e),
                    Map.of("field", "track_ids", "duplicate_ids", List.of(a, b)));
            assertInvalid(Map.of("track_ids", List.of("mtrack_nope", "mtrack_nope"), "before_track_id", e),
                    Map.of("field", "track_ids", "duplicate_ids", List.of("mtrack_nope")));
        });
    }

    @Test
    void theFormsAndAnchorsMustNotBeMixed() throws Exception {
        assertNothingWrittenBy(() -> {
            assertInvalid(Map.of("track_ids", List.of(a), "before_track_id", c, "after_track_id", d),
                    field("before_track_id"));
            assertInvalid(Map.of("track_ids", List.of(a)), field("before_track_id"));
            assertInvalid(Map.of("after_track_id", c), field("track_ids"));
            assertInvalid(Map.of("range_start", 0, "insert_before", 5, "track_ids", List.of(a)), field("track_ids"));
            assertInvalid(Map.of("range_length", 1, "before_track_id", c), field("track_ids"));
            assertInvalid(Map.of("track_ids", List.of(a), "after_track_id", c, "insert_before", 0), field("track_ids"));
            assertInvalid("{}", field("range_start"));
        });
    }

    @Test
    void anUnknownFieldIs422NamingIt() throws Exception {
        assertNothingWrittenBy(() -> {
            assertInvalid(Map.of("range_start", 0, "insert_before", 5, "rangeLength", 2), field("rangeLength"));
            assertInvalid(Map.of("track_ids", List.of(a), "before_track_id", c, "position", 1), field("position"));
            assertInvalid("{\"trackIds\": [\"" + a + "\"], \"beforeTrackId\": \"" + c + "\"}", field("trackIds"));
        });
    }

    @Test
    void aValueOfTheWrongTypeIs422NamingItsField() throws Exception {
        Map<String, String> wrong = new LinkedHashMap<>();
        for (String value : List.of("\"1\"", "1.5", "1.0", "1e2", "null", "-1", "true", "[0]", "{}", "2147483648",
                "99999999999999999999")) {
            wrong.put("{\"range_start\": " + value + ", \"insert_before\": 0}", "range_start");
            wrong.put("{\"range_start\": 0, \"insert_before\": " + value + "}", "insert_before");
            wrong.put("{\"range_start\": 0, \"range_length\": " + value + ", \"insert_before\": 3}", "range_length");
        }
        wrong.put("{\"range_start\": 0, \"range_length\": 0, \"insert_before\": 3}", "range_length");
        wrong.put("{\"range_start\": 0}", "insert_before");
        wrong.put("{\"insert_before\": 0}", "range_start");
        String anchor = "\"before_track_id\": \"" + e + "\"";
        for (String ids : List.of("null", "\"" + a + "\"", "[]", "[1]", "[null]", "[\"\"]", "[[\"" + a + "\"]]",
                "{\"0\": \"" + a + "\"}", "[\"" + a + "\", 7]", "[\"" + "x".repeat(129) + "\"]")) {
            wrong.put("{\"track_ids\": " + ids + ", " + anchor + "}", "track_ids");
        }
        for (String value : List.of("null", "7", "\"\"", "[\"" + e + "\"]", "{}", "true", "\"" + "x".repeat(129) + "\"")) {
            wrong.put("{\"track_ids\": [\"" + a + "\"], \"before_track_id\": " + value + "}", "before_track_id");
            wrong.put("{\"track_ids\": [\"" + a + "\"], \"after_track_id\": " + value + "}", "after_track_id");
        }
        assertNothingWrittenBy(() -> wrong.forEach((body, name) -> assertInvalid(body, field(name))));
    }

    @Test
    void aBodyThatIsNoObjectIs422AndOneThatIsNoJsonIs400() throws Exception {
        assertNothingWrittenBy(() -> {
            for (String body : List.of("[]", "[{\"range_start\": 0, \"insert_before\": 5}]", "\"moves\"", "0", "true",
                    "null")) {
                assertInvalid(body, field("body"));
            }
            assertInvalid("", field("body"));
            for (String body : List.of("{", "{\"range_start\": 0,}", "{'range_start': 0}", "range_start=0")) {
                caller.move(collection, body).then().statusCode(400).body("error.code", equalTo("INVALID_REQUEST"));
            }
        });
    }

    @Test
    void aStaleIfMatchIs412AndMovesNothing() throws Exception {
        String moves = caller.path("/collections/" + collection + "/order/moves");
        List<Map<String, Object>> bodies = List.of(range(0, 2, 5), Map.of("track_ids", List.of(a), "before_track_id", c));
        assertNothingWrittenBy(() -> {
            for (Map<String, Object> body : bodies) {
                for (String stale : List.of("\"4\"", "\"6\"", "\"5.0\"", "\"0\", \"4\"")) {
                    caller.request().header("If-Match", stale).body(body).post(moves).then().statusCode(412)
                            .body("error.code", equalTo("PRECONDITION_FAILED"))
                            .body("error.details.etag", equalTo("\"5\""));
                }
            }
        });
        caller.request().header("If-Match", "\"5\"").body(bodies.get(0)).post(moves)
                .then().statusCode(200).header("ETag", "\"6\"");
        caller.request().header("If-Match", "\"5\"").body(bodies.get(1)).post(moves).then().statusCode(412);
        caller.request().header("If-Match", "\"6\"").body(bodies.get(1)).post(moves)
                .then().statusCode(200).header("ETag", "\"7\"");
        assertEquals(List.of(a, c, d, e, b), caller.order(collection));
    }

    @Test
    void aCollectionThatIsNotTheCallersIs404() throws Exception {
        Api.Caller colleague = Api.newCaller(caller.organizationId());
        String deleted = caller.newCollection();
        caller.add(deleted, caller.newTrack());
        caller.request().delete(caller.path("/collections/" + deleted)).then().statusCode(200);
        Map<String, Object> move = range(0, 1, 5);
        assertNothingWrittenBy(() -> {
            colleague.move(collection, move).then().statusCode(404)
                    .body("error.code", equalTo("RESOURCE_NOT_FOUND"))
                    .body("error.details", equalTo(Map.of("collection_id", collection)));
            for (String missing : List.of(deleted, "mcoll_0000000000000000")) {
                caller.move(missing, range(0, 1, 1)).then().statusCode(404)
                        .body("error.details", equalTo(Map.of("collection_id", missing)));
            }
        });
    }

    private static Map<String, Object> range(int start, int length, int insertBefore) {
        return Map.of("range_start", start, "range_length", length, "insert_before", insertBefore);
    }

    private static Map<String, Object> field(String name) {
        return Map.of("field", name);
    }

    /** A move that answers 200 with the seed body, the list's new tag, and leaves {@code order}. */
    private void assertMoved(Object move, long revision, List<String> order) {
        caller.move(collection, move).then().statusCode(200)
                .header("ETag", "\"" + revision + "\"")
                .body(equalTo("{\"success\":true,\"id\":\"" + collection + "\",\"detail\":\"Collection reordered.\"}"));
        assertEquals(order, caller.order(collection));
        assertEquals(order, caller.recordedOrder(collection, revision));
    }

    /** A move refused with 422 and exactly these details. */
    private void assertInvalid(Object move, Map<String, Object> details) {
        Response response = caller.move(collection, move);
        response.then().statusCode(422)
                .body("success", equalTo(false))
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details", equalTo(details));
    }

    private interface Calls {
        void run() throws Exception;
    }

    /** Runs the calls and checks that the collection's order, revision and history are as they were. */
    private void assertNothingWrittenBy(Calls calls) throws Exception {
        String organization = caller.organizationId();
        List<String> order = TestDatabase.denseOrder(organization, collection);
        long revision = TestDatabase.revision(organization, collection);
        List<Map<String, Object>> history = new ArrayList<>(caller.history(collection));
        calls.run();
        assertEquals(order, TestDatabase.denseOrder(organization, collection), "the order");
        assertEquals(revision, TestDatabase.revision(organization, collection), "the revision");
        assertEquals(history, caller.history(collection), "the history");
        caller.request().get(caller.path("/collections/" + collection + "/tracks"))
                .then().statusCode(200).header("ETag", "\"" + revision + "\"");
    }
}
