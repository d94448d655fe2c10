package io.trackorder.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;
import io.trackorder.support.WrittenEvents;
import io.trackorder.support.WrittenEvents.Written;

/**
 * The order statements write their events themselves: every effective reorder, move, restore and
 * removal of both surfaces leaves exactly one event in the outbox, of its type, with the list's new
 * revision and the whole order after it; a change that changes nothing, and a refused one, leave
 * none.
 */
@QuarkusTest
class OrderEventsTest {

    @Test
    void everyCollectionOrderChangeWritesOneEventWithTheNewOrder() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> tracks = caller.addNewTracks(collection, 4);
        String key = "collection:" + caller.organizationId() + "/" + collection;
        String order = caller.path("/collections/" + collection + "/order");
        // The setup's own events (created, member_added) are not order changes.
        List<Written> setup = WrittenEvents.ofList(key);

        caller.request().body(Map.of("ordered_track_ids", List.of(tracks.get(3), tracks.get(1)))).patch(order)
                .then().statusCode(200);
        caller.move(collection, Map.of("range_start", 0, "range_length", 2, "insert_before", 4)).then().statusCode(200);
        caller.move(collection, Map.of("track_ids", List.of(tracks.get(2)), "after_track_id", tracks.get(1)))
                .then().statusCode(200);
        long reordered = revisionOfNewestEntry(caller, collection) - 2;
        caller.restore(collection, Map.of("revision", reordered)).then().statusCode(200);
        caller.request().delete(caller.path("/collections/" + collection + "/tracks/" + tracks.get(0)))
                .then().statusCode(200);

        List<Written> events = WrittenEvents.since(setup, WrittenEvents.ofList(key));
        assertEquals(List.of("reordered", "reordered", "reordered", "reordered", "member_removed"),
                events.stream().map(e -> e.type().substring("io.trackorder.collection.".length())).toList());
        assertEquals(List.of("reorder", "move", "move", "restore", "remove"),
                events.stream().map(e -> e.data().path("change").asText()).toList());
        for (Written event : events) {
            assertEquals(event.revision(), event.data().path("revision").asLong());
            assertEquals(caller.userId(), event.data().path("actor").asText());
            assertEquals("/v1/music/" + caller.organizationId() + "/collections/" + collection, event.source());
            assertEquals(collection, event.subject());
            assertEquals(caller.recordedOrder(collection, event.revision()), WrittenEvents.ids(event.data().path("track_ids")),
                    "the event's order is the history entry's of its revision");
        }
        assertConsecutive(events);
        assertEquals(caller.order(collection), WrittenEvents.ids(events.get(events.size() - 1).data().path("track_ids")));
        assertEquals(tracks.get(0), events.get(events.size() - 1).data().path("track_id").asText());
    }

    @Test
    void aCollectionChangeThatChangesNothingOrIsRefusedWritesNoEvent() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> tracks = caller.addNewTracks(collection, 3);
        String key = "collection:" + caller.organizationId() + "/" + collection;
        String order = caller.path("/collections/" + collection + "/order");
        // The setup's own events (created, member_added) are not order changes.
        List<Written> setup = WrittenEvents.ofList(key);

        caller.request().body(Map.of("ordered_track_ids", tracks)).patch(order).then().statusCode(200);
        caller.move(collection, Map.of("range_start", 1, "range_length", 1, "insert_before", 1)).then().statusCode(200);
        caller.move(collection, Map.of("range_start", 5, "insert_before", 0)).then().statusCode(422);
        caller.move(collection, Map.of("track_ids", List.of("trk_nobody"), "before_track_id", tracks.get(0)))
                .then().statusCode(422);
        caller.request().header("If-Match", "\"stale\"").body(Map.of("ordered_track_ids", List.of(tracks.get(2))))
                .patch(order).then().statusCode(412);
        caller.restore(collection, Map.of("revision", 999)).then().statusCode(404);

        assertEquals(List.of(), WrittenEvents.since(setup, WrittenEvents.ofList(key)));
    }

    @Test
    void everyReleaseOrderChangeWritesOneEventWithTheNewOrder() throws Exception {
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(3);
        List<String> tracks = member.trackIds(release);
        List<Written> setup = WrittenEvents.ofSource("/releases/" + release);

        member.request().body(Map.of("trackOrder", List.of(tracks.get(2), tracks.get(0), tracks.get(1))))
                .post("/releases/" + release + "/tracks/reorder").then().statusCode(200);
        member.request().body(Map.of("rangeStart", 0, "insertBefore", 2)).post("/releases/" + release + "/tracks/move")
                .then().statusCode(200);
        // The same order again: no change, no event.
        member.request().body(Map.of("trackOrder", member.trackIds(release)))
                .post("/releases/" + release + "/tracks/reorder").then().statusCode(200);
        member.request().body(Map.of("revision", 0)).post("/releases/" + release + "/tracks/restore")
                .then().statusCode(200);
        member.request().delete("/releases/" + release + "/tracks/" + tracks.get(1)).then().statusCode(200);

        List<Written> events = WrittenEvents.since(setup, WrittenEvents.ofSource("/releases/" + release));
        assertEquals(List.of("tracks_reordered", "tracks_reordered", "tracks_reordered", "track_removed"),
                events.stream().map(e -> e.type().substring("io.trackorder.release.".length())).toList());
        assertEquals(List.of("reorder", "move", "restore", "remove"),
                events.stream().map(e -> e.data().path("change").asText()).toList());
        for (Written event : events) {
            assertEquals(event.revision(), event.data().path("revision").asLong());
            assertEquals(member.userId(), event.data().path("actor").asText());
            assertEquals(release, event.subject());
            assertTrue(event.type().startsWith("io.trackorder.release."), event.type());
        }
        assertConsecutive(events);
        assertEquals(List.of(tracks.get(0), tracks.get(2)), WrittenEvents.ids(events.get(3).data().path("track_ids")),
                "after restoring the first order and removing the second track");
        assertEquals(member.trackIds(release), WrittenEvents.ids(events.get(3).data().path("track_ids")));
        assertEquals(tracks.get(1), events.get(3).data().path("track_id").asText());
    }

    /** Each event's revision is its predecessor's plus one: one event per change, in order. */
    private static void assertConsecutive(List<Written> events) {
        for (int i = 1; i < events.size(); i++) {
            assertEquals(events.get(i - 1).revision() + 1, events.get(i).revision(), "revisions " + events);
        }
    }

    private static long revisionOfNewestEntry(Api.Caller caller, String collection) {
        return ((Number) caller.history(collection).get(0).get("revision")).longValue();
    }

}
