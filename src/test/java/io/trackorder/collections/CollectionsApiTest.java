package io.trackorder.collections;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Api;
import io.trackorder.support.TestDatabase;

@QuarkusTest
class CollectionsApiTest {

    @Test
    void createReturnsTheCollectionAtRevisionZero() {
        Api.Caller caller = Api.newCaller();
        caller.request().body(Map.of("name", "Road trip", "description", "long drives",
                "cover_image_url", "https://img.example/cover.png"))
                .post(caller.path("/collections"))
                .then().statusCode(201)
                .body("id", matchesPattern("mcoll_[0-9a-f]{16}"))
                .body("name", equalTo("Road trip"))
                .body("description", equalTo("long drives"))
                .body("cover_track_id", nullValue())
                .body("cover_image_url", equalTo("https://img.example/cover.png"))
                .body("track_count", equalTo(0))
                .body("revision", equalTo(0))
                .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"))
                .body("updated_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    @Test
    void createRejectsInvalidFieldsWithTheFieldNamed() {
        Api.Caller caller = Api.newCaller();
        Map<String, Object> tooLongName = Map.of("name", "x".repeat(513));
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        for (Object body : List.of(Map.of(), tooLongName, Map.of("name", ""), nullName, Map.of("name", 7),
                Map.of("name", "n", "cover_image_url", "ftp://x/y"), Map.of("name", "n", "colour", "red"),
                Map.of("name", "n", "cover_track_id", "mtrack_missing"),
                Map.of("name", "n", "description", "d".repeat(4097)))) {
            caller.request().body(body).post(caller.path("/collections"))
                    .then().statusCode(422)
                    .body("error.code", equalTo("VALIDATION_ERROR"))
                    .body("error.details", hasKey("field"));
        }
        caller.request().body("[]").post(caller.path("/collections")).then().statusCode(422);
    }

    @Test
    void listShowsOnlyTheCallersLiveCollectionsNewestFirstInPages() {
        Api.Caller caller = Api.newCaller();
        Api.Caller colleague = Api.newCaller(caller.organizationId());
        String first = caller.newCollection();
        String second = caller.newCollection();
        String third = caller.newCollection();
        colleague.newCollection();
        caller.request().delete(caller.path("/collections/" + second)).then().statusCode(200);

        caller.request().get(caller.path("/collections"))
                .then().statusCode(200)
                .body("items.id", contains(third, first))
                .body("items[0].track_count", nullValue())
                .body("items[0]", hasKey("track_count"))
                .body("limit", equalTo(50)).body("offset", equalTo(0));
        caller.request().get(caller.path("/collections?limit=1&offset=1"))
                .then().statusCode(200)
                .body("items.id", contains(first))
                .body("limit", equalTo(1)).body("offset", equalTo(1));
    }

    @Test
    void pagingParametersAreChecked() {
        Api.Caller caller = Api.newCaller();
        caller.request().get(caller.path("/collections?limit=abc")).then().statusCode(400)
                .body("error.code", equalTo("INVALID_REQUEST"));
        caller.request().get(caller.path("/collections?offset=1.5")).then().statusCode(400);
        caller.request().get(caller.path("/collections?limit=0")).then().statusCode(422)
                .body("error.details.field", equalTo("limit"));
        caller.request().get(caller.path("/collections?limit=101")).then().statusCode(422);
        caller.request().get(caller.path("/collections?offset=-1")).then().statusCode(422);
        String collection = caller.newCollection();
        caller.request().get(caller.path("/collections/" + collection + "/tracks?limit=500")).then().statusCode(200);
        caller.request().get(caller.path("/collections/" + collection + "/tracks?limit=501")).then().statusCode(422);
    }

    @Test
    void getFillsTheTrackCount() {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        caller.add(collection, caller.newTrack());
        caller.add(collection, caller.newTrack());
        caller.request().get(caller.path("/collections/" + collection))
                .then().statusCode(200)
                .body("id", equalTo(collection))
                .body("track_count", equalTo(2))
                .body("revision", equalTo(2));
    }

    @Test
    void patchTellsAbsentFromNullAndKeepsTheRevision() {
        Api.Caller caller = Api.newCaller();
        String cover = caller.newTrack();
        String collection = caller.request()
                .body(Map.of("name", "Before", "description", "keep me", "cover_track_id", cover,
                        "cover_image_url", "http://img.example/a.png"))
                .post(caller.path("/collections")).then().statusCode(201).extract().path("id");
        caller.add(collection, cover);

        Map<String, Object> patch = new HashMap<>();
        patch.put("name", "After");
        patch.put("cover_image_url", null);
        caller.request().body(patch).patch(caller.path("/collections/" + collection))
                .then().statusCode(200)
                .body("name", equalTo("After"))
                .body("description", equalTo("keep me"))
                .body("cover_track_id", equalTo(cover))
                .body("cover_image_url", nullValue())
                .body("track_count", equalTo(1))
                .body("revision", equalTo(1));

        Map<String, Object> clearName = new HashMap<>();
        clearName.put("name", null);
        caller.request().body(clearName).patch(caller.path("/collections/" + collection))
                .then().statusCode(422).body("error.details.field", equalTo("name"));
        caller.request().body(Map.of("revision", 9)).patch(caller.path("/collections/" + collection))
                .then().statusCode(422).body("error.details.field", equalTo("revision"));
        caller.request().body(Map.of("description", false)).patch(caller.path("/collections/" + collection))
                .then().statusCode(422).body("error.details.field", equalTo("description"));
        caller.request().get(caller.path("/collections/" + collection))
                .then().body("name", equalTo("After")).body("revision", equalTo(1));
    }

    @Test
    void deletedCollectionsAre404EverywhereAndTheirTracksStay() {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        String track = caller.newTrack();
        caller.add(collection, track);

        caller.request().delete(caller.path("/collections/" + collection))
                .then().statusCode(200)
                .body(equalTo("{\"success\":true,\"id\":\"" + collection + "\",\"detail\":\"Collection deleted.\"}"));

        String base = "/collections/" + collection;
        caller.request().get(caller.path(base)).then().statusCode(404)
                .body("error.system_message", equalTo("Music collection not found or not owned by caller"))
                .body("error.details.collection_id", equalTo(collection));
        caller.request().delete(caller.path(base)).then().statusCode(404);
        caller.request().get(caller.path(base + "/tracks")).then().statusCode(404);
        caller.request().body(Map.of("track_id", track)).post(caller.path(base + "/tracks")).then().statusCode(404);
        caller.request().body(Map.of("ordered_track_ids", List.of(track))).patch(caller.path(base + "/order"))
                .then().statusCode(404);
        caller.request().get(caller.path("/tracks/" + track)).then().statusCode(200);
    }

    @Test
    void membersAreListedInPositionOrderWithPaging() {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> tracks = List.of(caller.newTrack(), caller.newTrack(), caller.newTrack());
        tracks.forEach(track -> caller.add(collection, track));

        caller.request().get(caller.path("/collections/" + collection + "/tracks?limit=2&offset=1"))
                .then().statusCode(200)
                .body("collection_id", equalTo(collection))
                .body("items.track_id", contains(tracks.get(1), tracks.get(2)))
                .body("items.position", contains(1, 2))
                .body("items[0].added_at", matchesPattern("\\d{4}-.*Z"))
                .body("limit", equalTo(2)).body("offset", equalTo(1));
    }

    @Test
    void addAppendsAndIsIdempotent() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> added = caller.addNewTracks(collection, 2);
        String a = added.get(0);
        String b = added.get(1);
        caller.request().body(Map.of("track_id", a)).post(caller.path("/collections/" + collection + "/tracks"))
                .then().statusCode(200)
                .body(equalTo("{\"success\":true,\"id\":\"" + a + "\",\"detail\":\"Track added to collection.\"}"));

        assertEquals(List.of(a, b), TestDatabase.denseOrder(caller.organizationId(), collection));
        assertEquals(2, TestDatabase.revision(caller.organizationId(), collection), "the repeated add changed nothing");
    }

    @Test
    void addRefusesMissingAndForeignTracks() {
        Api.Caller caller = Api.newCaller();
        Api.Caller stranger = Api.newCaller();
        String collection = caller.newCollection();
        String foreign = stranger.newTrack();
        for (String track : List.of("mtrack_0000000000000000", foreign)) {
            caller.request().body(Map.of("track_id", track)).post(caller.path("/collections/" + collection + "/tracks"))
                    .then().statusCode(404)
                    .body("error.code", equalTo("RESOURCE_NOT_FOUND"))
                    .body("error.details.track_id", equalTo(track));
        }
        caller.request().body(Map.of("track_id", 5)).post(caller.path("/collections/" + collection + "/tracks"))
                .then().statusCode(422).body("error.details.field", equalTo("track_id"));
        caller.request().body(Map.of()).post(caller.path("/collections/" + collection + "/tracks"))
                .then().statusCode(422).body("error.details.field", equalTo("track_id"));
    }

    @Test
    void aFullCollectionRefusesAnotherTrack() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        TestDatabase.seedMembers(caller.organizationId(), caller.userId(), collection, CollectionService.MAX_TRACKS);
        String extra = caller.newTrack();

        caller.request().body(Map.of("track_id", extra)).post(caller.path("/collections/" + collection + "/tracks"))
                .then().statusCode(422)
                .body("error.code", equalTo("COLLECTION_FULL"))
                .body("error.type", equalTo("validation_error"))
                .body("error.details.max_tracks", equalTo(10_000));
        assertEquals(CollectionService.MAX_TRACKS, TestDatabase.denseOrder(caller.organizationId(), collection).size());
    }

    @Test
    void removeCompactsPositionsAndIsIdempotent() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> tracks = new ArrayList<>(List.of(caller.newTrack(), caller.newTrack(), caller.newTrack()));
        tracks.forEach(track -> caller.add(collection, track));

        for (int attempt = 0; attempt < 2; attempt++) {
            caller.request().delete(caller.path("/collections/" + collection + "/tracks/" + tracks.get(0)))
                    .then().statusCode(200)
                    .body(equalTo("{\"success\":true,\"id\":\"" + tracks.get(0)
                            + "\",\"detail\":\"Track removed from collection.\"}"));
        }
        assertEquals(tracks.subList(1, 3), TestDatabase.denseOrder(caller.organizationId(), collection));
        assertEquals(4, TestDatabase.revision(caller.organizationId(), collection), "3 adds, 1 effective remove");
        caller.request().get(caller.path("/collections/" + collection + "/tracks"))
                .then().body("items.position", contains(0, 1)).body("items.track_id", not(contains(tracks.get(0))));
    }
}
