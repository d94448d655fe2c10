package io.trackorder.collections;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trackorder.support.Api;
import io.trackorder.support.TestDatabase;

/** Every way a reorder body can be wrong (src/site/markdown/api.md, reorder rules 1-3), and that none of them writes. */
@QuarkusTest
class ReorderValidationTest {

    private Api.Caller caller;
    private String collection;
    private List<String> tracks;

    @BeforeEach
    void collectionWithThreeTracks() {
        caller = Api.newCaller();
        collection = caller.newCollection();
        tracks = List.of(caller.newTrack(), caller.newTrack(), caller.newTrack());
        tracks.forEach(track -> caller.add(collection, track));
    }

    private Response reorder(String body) {
        return caller.request().body(body).patch(caller.path("/collections/" + collection + "/order"));
    }

    @Test
    void aBodyThatIsNotAnArrayOfIdsGetsTheSeeds422() throws Exception {
        for (String body : List.of("{}", "{\"ordered_track_ids\": null}", "{\"ordered_track_ids\": \"mtrack_1\"}",
                "{\"ordered_track_ids\": {\"a\": 1}}", "{\"ordered_track_ids\": [\"" + tracks.get(1) + "\", 7]}",
                "{\"ordered_track_ids\": [null]}", "{\"ordered_track_ids\": [[\"x\"]]}", "{\"ordered_track_ids\": [true]}",
                "[]", "\"ordered_track_ids\"", "42")) {
            reorder(body).then().statusCode(422)
                    .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"))
                    .body("success", equalTo(false))
                    .body("error.code", equalTo("VALIDATION_ERROR"))
                    .body("error.message", equalTo("The request payload is invalid."))
                    .body("error.system_message", equalTo("ordered_track_ids must be an array of track ids"))
                    .body("error.type", equalTo("validation_error"))
                    .body("error.status", equalTo(422))
                    .body("error.details", equalTo(Map.of("field", "ordered_track_ids")))
                    .body("error.trace_id", matchesPattern("[0-9a-f]{32}"))
                    .body("error.timestamp", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        }
        assertUnchanged();
    }

    @Test
    void anotherTopLevelFieldIsNamed() throws Exception {
        reorder("{\"ordered_track_ids\": [], \"position\": 3}").then().statusCode(422)
                .body("error.details.field", equalTo("position"))
                .body("error.system_message", equalTo("Unknown field: position"));
        assertUnchanged();
    }

    @Test
    void moreThanTenThousandIdsAreRefused() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= CollectionService.MAX_TRACKS; i++) {
            ids.add("mtrack_" + i);
        }
        caller.request().body(Map.of("ordered_track_ids", ids)).patch(caller.path("/collections/" + collection + "/order"))
                .then().statusCode(422)
                .body("error.details.max_items", equalTo(10_000));
        assertUnchanged();
    }

    @Test
    void exactlyTenThousandIdsAreAccepted() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CollectionService.MAX_TRACKS - 1; i++) {
            ids.add("mtrack_unknown_" + i);
        }
        ids.add(tracks.get(2));
        caller.request().body(Map.of("ordered_track_ids", ids)).patch(caller.path("/collections/" + collection + "/order"))
                .then().statusCode(200);
        assertEquals(List.of(tracks.get(2), tracks.get(0), tracks.get(1)), caller.order(collection));
    }

    @Test
    void duplicatesAreNamed() throws Exception {
        String a = tracks.get(0);
        reorder("{\"ordered_track_ids\": [\"" + a + "\", \"x\", \"" + a + "\", \"x\"]}").then().statusCode(422)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.duplicate_ids", contains(a, "x"));
        assertUnchanged();
    }

    @Test
    void malformedJsonIs400() throws Exception {
        reorder("{\"ordered_track_ids\": [\"a\",").then().statusCode(400)
                .body("error.code", equalTo("INVALID_REQUEST"))
                .body("error.type", equalTo("client_error"));
        reorder("{\"ordered_track_ids\": []} trailing").then().statusCode(400);
        assertUnchanged();
    }

    private void assertUnchanged() throws Exception {
        assertEquals(tracks, TestDatabase.denseOrder(caller.organizationId(), collection));
        assertEquals(3, TestDatabase.revision(caller.organizationId(), collection));
    }
}
