package io.trackorder.collections;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trackorder.support.Api;
import io.trackorder.support.TestDatabase;

/** With music.history.retain=3, every kind of change keeps only its list's last three entries. */
@QuarkusTest
@TestProfile(HistoryRetentionTest.KeepThree.class)
class HistoryRetentionTest {

    public static class KeepThree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("music.history.retain", "3");
        }
    }

    @Test
    void eachChangePrunesTheEntriesBeyondTheLastThree() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        String other = caller.newCollection();
        List<String> tracks = caller.addNewTracks(collection, 5);
        caller.add(other, tracks.get(0));
        caller.add(other, tracks.get(1));
        assertKept(caller, collection, 5, 4, 3);
        caller.request().get(caller.path("/collections/" + collection + "/order/history/2")).then().statusCode(404)
                .body("error.code", equalTo("RESOURCE_NOT_FOUND"));
        caller.restore(collection, Map.of("revision", 2)).then().statusCode(404);

        caller.move(collection, Map.of("range_start", 0, "insert_before", 5)).then().statusCode(200);
        assertKept(caller, collection, 6, 5, 4);
        caller.request().delete(caller.path("/collections/" + collection + "/tracks/" + tracks.get(2)))
                .then().statusCode(200);
        assertKept(caller, collection, 7, 6, 5);
        caller.request().body(Map.of("ordered_track_ids", List.of(tracks.get(4)))).patch(caller.path("/collections/"
                + collection + "/order")).then().statusCode(200);
        assertKept(caller, collection, 8, 7, 6);
        caller.request().delete(caller.path("/tracks/" + tracks.get(3))).then().statusCode(200);
        assertKept(caller, collection, 9, 8, 7);
        caller.restore(collection, Map.of("revision", 7)).then().statusCode(200).header("ETag", "\"10\"");
        assertKept(caller, collection, 10, 9, 8);
        caller.request().get(caller.path("/collections/" + collection + "/order/history/7")).then().statusCode(404);

        // Another list's entries are its own.
        assertKept(caller, other, 2, 1);
    }

    /** The API lists exactly these revisions, newest first, and the table holds no others. */
    private static void assertKept(Api.Caller caller, String collection, Integer... revisions) throws Exception {
        assertEquals(List.of(revisions), caller.history(collection).stream().map(entry -> entry.get("revision")).toList());
        try (Connection db = TestDatabase.connect();
                PreparedStatement query = db.prepareStatement("""
                        SELECT count(*) FROM collection_order_history WHERE organization_id = ? AND collection_id = ?""")) {
            query.setString(1, caller.organizationId());
            query.setString(2, collection);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertEquals(revisions.length, rows.getInt(1));
            }
        }
    }
}
