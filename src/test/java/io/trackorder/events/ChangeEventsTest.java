package io.trackorder.events;

import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;
import io.trackorder.support.WrittenEvents;
import io.trackorder.support.WrittenEvents.Written;

/**
 * The changes other than order changes write their events too: every committed create, update,
 * delete, addition, catalogue deletion and workflow step leaves exactly its one event, at the list's
 * revision after it; a refused request leaves none.
 */
@QuarkusTest
class ChangeEventsTest {

    private static final String COLLECTION = "io.trackorder.collection.";
    private static final String RELEASE = "io.trackorder.release.";

    @Test
    void everyCollectionChangeWritesItsEvent() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.request().body(Map.of("name", "Mix", "description", "for runs"))
                .post(caller.path("/collections")).then().statusCode(201).extract().path("id");
        String path = caller.path("/collections/" + collection);
        Map<String, Object> patch = new HashMap<>();
        patch.put("name", "Mix 2");
        patch.put("description", null);
        caller.request().body(patch).patch(path).then().statusCode(200);
        String first = caller.newTrack();
        String second = caller.newTrack();
        caller.add(collection, first);
        caller.add(collection, second);
        // Already a member: nothing changes, nothing is written.
        caller.add(collection, first);
        caller.request().delete(path).then().statusCode(200);

        List<Written> events = WrittenEvents.ofList(key(caller, collection));
        assertEquals(List.of("created", "updated", "member_added", "member_added", "deleted"),
                events.stream().map(e -> e.type().substring(COLLECTION.length())).toList());
        assertEquals(List.of(0L, 0L, 1L, 2L, 2L), events.stream().map(Written::revision).toList(),
                "metadata changes keep the revision; each addition raises it");
        for (Written event : events) {
            assertEquals(event.revision(), event.data().path("revision").asLong());
            assertEquals(caller.userId(), event.data().path("actor").asText());
            assertEquals("/v1/music/" + caller.organizationId() + "/collections/" + collection, event.source());
            assertEquals(collection, event.subject());
        }
        assertEquals("Mix", events.get(0).data().path("name").asText());
        assertEquals("for runs", events.get(0).data().path("description").asText());
        assertEquals("Mix 2", events.get(1).data().path("name").asText());
        assertTrue(events.get(1).data().path("description").isNull(), "a cleared field is null");
        assertTrue(events.get(1).data().path("cover_image_url").isMissingNode(), "an unchanged field is absent");
        assertEquals(first, events.get(2).data().path("track_id").asText());
        assertEquals(0, events.get(2).data().path("position").asInt());
        assertEquals(second, events.get(3).data().path("track_id").asText());
        assertEquals(1, events.get(3).data().path("position").asInt());
        assertEquals(List.of("actor", "revision"), fieldNames(events.get(4)));
    }

    @Test
    void aRefusedCollectionChangeWritesNoEvent() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        String path = caller.path("/collections/" + collection);
        List<Written> setup = WrittenEvents.ofList(key(caller, collection));

        caller.request().header("If-Match", "\"stale\"").body(Map.of("name", "x")).patch(path).then().statusCode(412);
        caller.request().body(Map.of("name", "")).patch(path).then().statusCode(422);
        caller.request().body(Map.of("cover_track_id", "mtrack_nobody")).patch(path).then().statusCode(422);
        caller.request().body(Map.of("track_id", "mtrack_nobody")).post(path + "/tracks").then().statusCode(404);
        caller.request().header("If-Match", "\"stale\"").body(Map.of("track_id", caller.newTrack()))
                .post(path + "/tracks").then().statusCode(412);
        caller.request().header("If-Match", "\"stale\"").delete(path).then().statusCode(412);
        Api.newCaller(caller.organizationId()).request().delete(path).then().statusCode(404);

        assertEquals(List.of(), WrittenEvents.since(setup, WrittenEvents.ofList(key(caller, collection))));
        assertEquals(List.of("created"), setup.stream().map(e -> e.type().substring(COLLECTION.length())).toList());
    }

    @Test
    void aDeletedTrackLeavesEveryCollectionWithAnEvent() throws Exception {
        Api.Caller caller = Api.newCaller();
        String doomed = caller.newTrack();
        List<String> collections = List.of(caller.newCollection(), caller.newCollection());
        List<String> tracks = List.of(caller.newTrack(), doomed, caller.newTrack());
        tracks.forEach(track -> caller.add(collections.get(0), track));
        caller.add(collections.get(1), doomed);
        Map<String, List<Written>> setup = new HashMap<>();
        for (String collection : collections) {
            setup.put(collection, WrittenEvents.ofList(key(caller, collection)));
        }

        caller.request().delete(caller.path("/tracks/" + doomed)).then().statusCode(200);

        for (String collection : collections) {
            List<Written> events = WrittenEvents.since(setup.get(collection), WrittenEvents.ofList(key(caller, collection)));
            assertEquals(1, events.size(), events.toString());
            Written event = events.get(0);
            assertEquals(COLLECTION + "member_removed", event.type());
            assertEquals("track_deleted", event.data().path("change").asText());
            assertEquals(doomed, event.data().path("track_id").asText());
            assertEquals(caller.userId(), event.data().path("actor").asText());
            assertEquals(event.revision(), event.data().path("revision").asLong());
            assertEquals(revisionOf(caller, collection), event.revision());
            assertEquals(caller.order(collection), WrittenEvents.ids(event.data().path("track_ids")));
            assertEquals("/v1/music/" + caller.organizationId() + "/collections/" + collection, event.source());
            assertEquals(collection, event.subject());
        }
        assertEquals(List.of(tracks.get(0), tracks.get(2)), caller.order(collections.get(0)));
    }

    /**
     * A deleted track stops being the cover of every collection of its organization, whoever owns
     * them: each gets the collection.updated event a PATCH clearing its cover writes, before the
     * member_removed event of a collection that also held it. No collection of another organization,
     * nor one whose cover is another track, nor a deleted one, gets an event.
     */
    @Test
    void aDeletedCoverTrackUpdatesEveryCollectionItCovered() throws Exception {
        Api.Caller caller = Api.newCaller();
        Api.Caller colleague = Api.newCaller(caller.organizationId());
        Api.Caller stranger = Api.newCaller();
        String doomed = caller.newTrack();
        String other = caller.newTrack();
        List<String> covered = List.of(coveredBy(caller, doomed), coveredBy(caller, doomed), coveredBy(colleague, doomed));
        caller.add(covered.get(1), other);
        caller.add(covered.get(1), doomed);
        String coveredByOther = coveredBy(caller, other);
        String strangers = coveredBy(stranger, stranger.newTrack());
        String deleted = coveredBy(caller, doomed);
        caller.request().delete(caller.path("/collections/" + deleted)).then().statusCode(200);
        stranger.request().body(Map.of("name", "x", "cover_track_id", doomed)).post(stranger.path("/collections"))
                .then().statusCode(422);
        Map<String, List<Written>> setup = new HashMap<>();
        for (String collection : covered) {
            setup.put(collection, WrittenEvents.ofList(key(caller, collection)));
        }
        List<Written> untouched = WrittenEvents.ofList(key(caller, coveredByOther));
        List<Written> strangersSetup = WrittenEvents.ofList(key(stranger, strangers));
        List<Written> deletedEvents = WrittenEvents.ofList(key(caller, deleted));
        long memberRevision = revisionOf(caller, covered.get(1));

        caller.request().delete(caller.path("/tracks/" + doomed)).then().statusCode(200);

        for (String collection : covered) {
            List<Written> events = WrittenEvents.since(setup.get(collection), WrittenEvents.ofList(key(caller, collection)));
            Written updated = events.get(0);
            assertEquals(COLLECTION + "updated", updated.type());
            assertEquals(List.of("actor", "cover_track_id", "revision"), fieldNames(updated));
            assertTrue(updated.data().path("cover_track_id").isNull(), "the cover is cleared");
            assertEquals(caller.userId(), updated.data().path("actor").asText());
            assertEquals(setup.get(collection).get(setup.get(collection).size() - 1).revision(), updated.revision(),
                    "clearing the cover keeps the revision");
            assertEquals(updated.revision(), updated.data().path("revision").asLong());
            assertEquals("/v1/music/" + caller.organizationId() + "/collections/" + collection, updated.source());
            assertEquals(collection, updated.subject());
        }
        List<Written> memberEvents = WrittenEvents.since(setup.get(covered.get(1)),
                WrittenEvents.ofList(key(caller, covered.get(1))));
        assertEquals(List.of(COLLECTION + "updated", COLLECTION + "member_removed"),
                memberEvents.stream().map(Written::type).toList());
        assertEquals(List.of(memberRevision, memberRevision + 1),
                memberEvents.stream().map(Written::revision).toList());
        assertEquals(1, WrittenEvents.since(setup.get(covered.get(0)), WrittenEvents.ofList(key(caller, covered.get(0))))
                .size());
        assertEquals(untouched, WrittenEvents.ofList(key(caller, coveredByOther)));
        assertEquals(strangersSetup, WrittenEvents.ofList(key(stranger, strangers)));
        assertEquals(deletedEvents, WrittenEvents.ofList(key(caller, deleted)), "a deleted collection has no more events");
        for (String collection : covered) {
            Api.Caller owner = collection.equals(covered.get(2)) ? colleague : caller;
            owner.request().get(owner.path("/collections/" + collection)).then().statusCode(200)
                    .body("cover_track_id", nullValue());
        }
    }

    @Test
    void everyReleaseChangeWritesItsEvent() throws Exception {
        Releases.Member member = Releases.newMember();
        Releases.Member admin = member.adminOfWorkspace();
        String release = member.newRelease(2);
        List<String> created = member.trackIds(release);
        String path = "/releases/" + release;

        member.request().body(Map.of("title", "Renamed", "label", "Own")).put(path).then().statusCode(200);
        String added = member.request().body(Map.of("title", "3")).post(path + "/tracks").then().statusCode(201)
                .extract().path("data.id");
        member.request().body(Map.of("lyrics", "la")).put(path + "/tracks/" + added).then().statusCode(200);
        member.request().post(path + "/submit").then().statusCode(200);
        admin.request().body(Map.of("action", "reject", "feedback", "louder")).post(path + "/review").then()
                .statusCode(200);
        member.request().delete(path).then().statusCode(200);

        List<Written> events = WrittenEvents.ofSource(path);
        assertEquals(List.of("created", "updated", "track_added", "track_updated", "submitted", "reviewed", "deleted"),
                events.stream().map(e -> e.type().substring(RELEASE.length())).toList());
        assertEquals(List.of(0L, 0L, 1L, 1L, 1L, 1L, 1L), events.stream().map(Written::revision).toList(),
                "only the added track raises the revision");
        List<String> actors = events.stream().map(e -> e.data().path("actor").asText()).toList();
        assertEquals(List.of(member.userId(), member.userId(), member.userId(), member.userId(), member.userId(),
                admin.userId(), member.userId()), actors);
        for (Written event : events) {
            assertEquals(event.revision(), event.data().path("revision").asLong());
            assertEquals(release, event.subject());
        }
        assertEquals("Release", events.get(0).data().path("title").asText());
        assertEquals(created, WrittenEvents.ids(events.get(0).data().path("track_ids")));
        assertEquals(List.of("title", "label"), WrittenEvents.ids(events.get(1).data().path("changed")));
        assertEquals(added, events.get(2).data().path("track_id").asText());
        assertEquals(3, events.get(2).data().path("track_number").asInt());
        assertEquals(added, events.get(3).data().path("track_id").asText());
        assertEquals(List.of("lyrics"), WrittenEvents.ids(events.get(3).data().path("changed")));
        assertEquals("submitted", events.get(4).data().path("status").asText());
        assertEquals("rejected", events.get(5).data().path("status").asText());
        assertEquals("louder", events.get(5).data().path("feedback").asText());
        assertEquals(List.of("actor", "revision"), fieldNames(events.get(6)));
    }

    @Test
    void aRefusedReleaseChangeWritesNoEvent() throws Exception {
        Releases.Member member = Releases.newMember();
        Releases.Member admin = member.adminOfWorkspace();
        String release = member.newRelease(1);
        String empty = member.newRelease(0);
        String track = member.trackIds(release).get(0);
        String path = "/releases/" + release;
        List<Written> setup = WrittenEvents.ofSource(path);

        member.request().header("If-Match", "\"stale\"").body(Map.of("title", "x")).put(path).then().statusCode(412);
        member.request().body(Map.of("format", "Cassette")).put(path).then().statusCode(400);
        member.request().body(Map.of("title", "")).post(path + "/tracks").then().statusCode(400);
        member.request().body(Map.of("title", "x")).put(path + "/tracks/" + UUID.randomUUID())
                .then().statusCode(404);
        member.request().header("If-Match", "\"stale\"").body(Map.of("title", "x")).put(path + "/tracks/" + track)
                .then().statusCode(412);
        member.colleague().request().delete(path).then().statusCode(404);
        member.request().post("/releases/" + empty + "/submit").then().statusCode(400);
        admin.request().body(Map.of("action", "approve")).post(path + "/review").then().statusCode(400);
        member.request().post(path + "/submit").then().statusCode(200);
        member.request().body(Map.of("action", "approve")).post(path + "/review").then().statusCode(403);
        admin.request().body(Map.of("action", "reject")).post(path + "/review").then().statusCode(400);
        member.request().delete(path).then().statusCode(400);

        List<Written> events = WrittenEvents.since(setup, WrittenEvents.ofSource(path));
        assertEquals(List.of(RELEASE + "submitted"), events.stream().map(Written::type).toList(),
                "only the submission was committed");
        assertEquals(List.of(RELEASE + "created"),
                WrittenEvents.ofSource("/releases/" + empty).stream().map(Written::type).toList());
    }

    private static String coveredBy(Api.Caller caller, String track) {
        return caller.request().body(Map.of("name", "covered", "cover_track_id", track))
                .post(caller.path("/collections")).then().statusCode(201).extract().path("id");
    }

    private static String key(Api.Caller caller, String collection) {
        return "collection:" + caller.organizationId() + "/" + collection;
    }

    private static long revisionOf(Api.Caller caller, String collection) {
        return ((Number) caller.history(collection).get(0).get("revision")).longValue();
    }

    private static List<String> fieldNames(Written event) {
        List<String> names = new ArrayList<>();
        event.data().fieldNames().forEachRemaining(names::add);
        // jsonb keeps no key order.
        return names.stream().sorted().toList();
    }
}
