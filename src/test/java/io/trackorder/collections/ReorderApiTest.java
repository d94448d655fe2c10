package io.trackorder.collections;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Api;
import io.trackorder.support.TestDatabase;

@QuarkusTest
class ReorderApiTest {

    @Test
    void seedExampleReordersAndAnswersWithTheSeedBody() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        String a = caller.newTrack();
        String b = caller.newTrack();
        String c = caller.newTrack();
        for (String track : List.of(a, b, c)) {
            caller.add(collection, track);
        }

        caller.request().body("{ \"ordered_track_ids\": [\"" + c + "\", \"" + a + "\"] }")
                .patch(caller.path("/collections/" + collection + "/order"))
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f]{32}"))
                .body(equalTo("{\"success\":true,\"id\":\"" + collection + "\",\"detail\":\"Collection reordered.\"}"));

        assertEquals(List.of(c, a, b), caller.order(collection));
        assertEquals(List.of(c, a, b), TestDatabase.denseOrder(caller.organizationId(), collection));
        assertEquals(4, TestDatabase.revision(caller.organizationId(), collection), "3 adds and 1 reorder");
    }

    @Test
    void unknownIdsAreIgnoredAndAnUnchangedOrderKeepsTheRevision() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> added = caller.addNewTracks(collection, 2);
        String a = added.get(0);
        String b = added.get(1);

        caller.request().body(Map.of("ordered_track_ids", List.of("mtrack_unknown", a, "not even an id")))
                .patch(caller.path("/collections/" + collection + "/order"))
                .then().statusCode(200);
        caller.request().body(Map.of("ordered_track_ids", List.of()))
                .patch(caller.path("/collections/" + collection + "/order"))
                .then().statusCode(200);

        assertEquals(List.of(a, b), caller.order(collection));
        assertEquals(2, TestDatabase.revision(caller.organizationId(), collection));
    }
}
