package io.trackorder.tracks;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Api;
import io.trackorder.support.Concurrently;
import io.trackorder.support.TestDatabase;

@QuarkusTest
class TracksApiTest {

    @Test
    void createFillsDefaultsAndKeepsWhatWasSent() {
        Api.Caller caller = Api.newCaller();
        caller.request().body(Map.of()).post(caller.path("/tracks"))
                .then().statusCode(201)
                .body("id", matchesPattern("mtrack_[0-9a-f]{16}"))
                .body("title", nullValue()).body("engine", nullValue()).body("mode", nullValue())
                .body("measured_duration_seconds", nullValue())
                .body("instrumental", equalTo(false))
                .body("licence_class", equalTo("unclear"))
                .body("created_at", matchesPattern("\\d{4}-.*Z"));
        caller.request().body(Map.of("title", "Intro", "engine", "e1", "mode", "song", "measured_duration_seconds", 212.5,
                "instrumental", true, "licence_class", "commercial_cleared"))
                .post(caller.path("/tracks"))
                .then().statusCode(201)
                .body("title", equalTo("Intro")).body("engine", equalTo("e1")).body("mode", equalTo("song"))
                .body("measured_duration_seconds", equalTo(212.5f))
                .body("instrumental", equalTo(true))
                .body("licence_class", equalTo("commercial_cleared"));
    }

    @Test
    void createRejectsBadFieldsWithTheFieldNamed() {
        Api.Caller caller = Api.newCaller();
        Map<String, Map<String, Object>> cases = new HashMap<>();
        cases.put("title", Map.of("title", "x".repeat(513)));
        cases.put("measured_duration_seconds", Map.of("measured_duration_seconds", -1));
        cases.put("licence_class", Map.of("licence_class", "public_domain"));
        cases.put("instrumental", Map.of("instrumental", "yes"));
        cases.put("engine", Map.of("engine", 12));
        cases.put("tempo", Map.of("tempo", 120));
        cases.forEach((field, body) -> caller.request().body(body).post(caller.path("/tracks"))
                .then().statusCode(422)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo(field)));
        caller.request().body(Map.of("measured_duration_seconds", "12")).post(caller.path("/tracks"))
                .then().statusCode(422).body("error.details.field", equalTo("measured_duration_seconds"));
        // An enum is named, never numbered: 0 and 3 are positions of real constants.
        for (Object notAName : List.of(0, 3, 1.5, true, "COMMERCIAL_CLEARED", List.of("unclear"))) {
            caller.request().body(Map.of("licence_class", notAName)).post(caller.path("/tracks"))
                    .then().statusCode(422).body("error.details.field", equalTo("licence_class"));
        }
        caller.request().get(caller.path("/tracks")).then().body("items.size()", equalTo(0));
    }

    @Test
    void listShowsTheCallersTracksNewestFirstInPages() {
        Api.Caller caller = Api.newCaller();
        Api.Caller colleague = Api.newCaller(caller.organizationId());
        String first = caller.newTrack();
        String second = caller.newTrack();
        colleague.newTrack();

        caller.request().get(caller.path("/tracks")).then().statusCode(200)
                .body("items.id", contains(second, first))
                .body("limit", equalTo(50)).body("offset", equalTo(0));
        caller.request().get(caller.path("/tracks?limit=1&offset=1")).then().statusCode(200)
                .body("items.id", contains(first));
        caller.request().get(caller.path("/tracks?limit=101")).then().statusCode(422);
        caller.request().get(caller.path("/tracks?offset=x")).then().statusCode(400);
    }

    @Test
    void listWithACollectionShowsItsTracksInCollectionOrder() {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        String a = caller.newTrack();
        String b = caller.newTrack();
        String c = caller.newTrack();
        for (String track : List.of(b, c, a)) {
            caller.add(collection, track);
        }
        caller.request().get(caller.path("/tracks?collection_id=" + collection)).then().statusCode(200)
                .body("items.id", contains(b, c, a));
        caller.request().get(caller.path("/tracks?collection_id=" + collection + "&limit=2&offset=1")).then()
                .body("items.id", contains(c, a));
        caller.request().get(caller.path("/tracks?collection_id=mcoll_0000000000000000")).then().statusCode(404)
                .body("error.details.collection_id", equalTo("mcoll_0000000000000000"));
    }

    @Test
    void getFindsAnyTrackOfTheOrganizationOnly() {
        Api.Caller caller = Api.newCaller();
        Api.Caller colleague = Api.newCaller(caller.organizationId());
        Api.Caller stranger = Api.newCaller();
        String track = caller.newTrack();
        colleague.request().get(colleague.path("/tracks/" + track)).then().statusCode(200).body("id", equalTo(track));
        stranger.request().get(stranger.path("/tracks/" + track)).then().statusCode(404)
                .body("error.details.track_id", equalTo(track));
        caller.request().get(caller.path("/tracks/" + "x".repeat(300))).then().statusCode(404);
    }

    @Test
    void deleteLeavesEveryCollectionDenseWithANewRevision() throws Exception {
        Api.Caller caller = Api.newCaller();
        String doomed = caller.newTrack();
        String keep1 = caller.newTrack();
        String keep2 = caller.newTrack();
        String first = caller.newCollection();
        String second = caller.newCollection();
        for (String track : List.of(keep1, doomed, keep2)) {
            caller.add(first, track);
        }
        caller.add(second, doomed);
        String covered = caller.request().body(Map.of("name", "covered", "cover_track_id", doomed))
                .post(caller.path("/collections")).then().statusCode(201).extract().path("id");

        caller.request().delete(caller.path("/tracks/" + doomed)).then().statusCode(200)
                .body(equalTo("{\"success\":true,\"id\":\"" + doomed + "\",\"detail\":\"Track deleted.\"}"));

        assertEquals(List.of(keep1, keep2), TestDatabase.denseOrder(caller.organizationId(), first));
        assertEquals(4, TestDatabase.revision(caller.organizationId(), first), "3 adds and the deletion");
        assertEquals(List.of(), TestDatabase.denseOrder(caller.organizationId(), second));
        assertEquals(2, TestDatabase.revision(caller.organizationId(), second));
        caller.request().get(caller.path("/collections/" + covered)).then().body("cover_track_id", nullValue());
        caller.request().get(caller.path("/tracks/" + doomed)).then().statusCode(404);
        caller.request().delete(caller.path("/tracks/" + doomed)).then().statusCode(404);
    }

    /**
     * Each track is a member of one collection and the cover of the other: deleting both at once
     * locks both collections from both sides, which must happen in one order, or the two deletes
     * deadlock.
     */
    @Test
    void tracksCoveringEachOthersCollectionsCanBeDeletedAtOnce() throws Exception {
        Api.Caller caller = Api.newCaller();
        List<IntSupplier> deletes = new ArrayList<>();
        List<String> collections = new ArrayList<>();
        for (int pair = 0; pair < 8; pair++) {
            String x = caller.newTrack();
            String y = caller.newTrack();
            for (List<String> memberAndCover : List.of(List.of(x, y), List.of(y, x))) {
                String collection = caller.request().body(Map.of("name", "c", "cover_track_id", memberAndCover.get(1)))
                        .post(caller.path("/collections")).then().statusCode(201).extract().<String> path("id");
                caller.add(collection, memberAndCover.get(0));
                collections.add(collection);
            }
            for (String track : List.of(x, y)) {
                deletes.add(() -> caller.request().delete(caller.path("/tracks/" + track)).statusCode());
            }
        }

        assertEquals(Collections.nCopies(deletes.size(), 200), Concurrently.statuses(deletes, deletes.size()));
        for (String collection : collections) {
            caller.request().get(caller.path("/collections/" + collection)).then().statusCode(200)
                    .body("cover_track_id", nullValue()).body("track_count", equalTo(0));
        }
    }
}
