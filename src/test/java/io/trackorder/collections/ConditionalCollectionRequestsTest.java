package io.trackorder.collections;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trackorder.support.Api;

/** ETag, If-Match and If-None-Match on collections: the revision guards read-modify-write cycles. */
@QuarkusTest
class ConditionalCollectionRequestsTest {

    private Api.Caller caller;

    @BeforeEach
    void newCaller() {
        caller = Api.newCaller();
    }

    @Test
    void everyResponseAboutACollectionCarriesItsRevision() {
        Response created = caller.request().body(Map.of("name", "c")).post(caller.path("/collections"));
        created.then().statusCode(201).header("ETag", "\"0\"");
        String collection = created.path("id");
        String track = caller.newTrack();
        String other = caller.newTrack();
        String base = "/collections/" + collection;

        caller.request().body(Map.of("track_id", track)).post(caller.path(base + "/tracks"))
                .then().statusCode(200).header("ETag", "\"1\"");
        caller.request().body(Map.of("track_id", track)).post(caller.path(base + "/tracks"))
                .then().statusCode(200).header("ETag", "\"1\"");
        caller.request().body(Map.of("track_id", other)).post(caller.path(base + "/tracks"))
                .then().statusCode(200).header("ETag", "\"2\"");
        caller.request().body(Map.of("ordered_track_ids", List.of(other))).patch(caller.path(base + "/order"))
                .then().statusCode(200).header("ETag", "\"3\"");
        caller.request().body(Map.of("ordered_track_ids", List.of(other))).patch(caller.path(base + "/order"))
                .then().statusCode(200).header("ETag", "\"3\"");
        caller.request().body(Map.of("name", "renamed")).patch(caller.path(base))
                .then().statusCode(200).header("ETag", "\"3\"").body("revision", equalTo(3));
        caller.request().get(caller.path(base)).then().statusCode(200).header("ETag", "\"3\"");
        caller.request().get(caller.path(base + "/tracks")).then().statusCode(200).header("ETag", "\"3\"");
        caller.request().delete(caller.path(base + "/tracks/" + track))
                .then().statusCode(200).header("ETag", "\"4\"");
        caller.request().delete(caller.path(base + "/tracks/" + track))
                .then().statusCode(200).header("ETag", "\"4\"");
        caller.request().delete(caller.path(base)).then().statusCode(200).header("ETag", "\"4\"");
    }

    @Test
    void aStaleIfMatchIs412InTheEnvelopeAndWritesNothing() {
        String collection = caller.newCollection();
        String base = "/collections/" + collection;
        List<String> tracks = threeMembers(collection);
        String outsider = caller.newTrack();
        String stale = "\"2\"";

        Map<String, Function<String, Response>> mutations = new LinkedHashMap<>();
        mutations.put("reorder", etag -> caller.request().header("If-Match", etag)
                .body(Map.of("ordered_track_ids", List.of(tracks.get(2), tracks.get(0)))).patch(caller.path(base + "/order")));
        mutations.put("add", etag -> caller.request().header("If-Match", etag)
                .body(Map.of("track_id", outsider)).post(caller.path(base + "/tracks")));
        mutations.put("remove", etag -> caller.request().header("If-Match", etag)
                .delete(caller.path(base + "/tracks/" + tracks.get(1))));
        mutations.put("update", etag -> caller.request().header("If-Match", etag)
                .body(Map.of("name", "changed")).patch(caller.path(base)));
        mutations.put("delete", etag -> caller.request().header("If-Match", etag).delete(caller.path(base)));

        String before = caller.request().get(caller.path(base)).asString();
        List<String> orderBefore = caller.order(collection);
        List<String> failures = new ArrayList<>();
        mutations.forEach((name, mutation) -> {
            for (String etag : List.of(stale, "W/\"3\"", "\"4\", \"17\"")) {
                Response response = mutation.apply(etag);
                if (response.statusCode() != 412 || !"PRECONDITION_FAILED".equals(response.path("error.code"))
                        || !Integer.valueOf(3).equals(response.path("error.details.revision"))) {
                    failures.add(name + " with If-Match " + etag + ": " + response.statusCode() + " " + response.asString());
                }
            }
        });
        assertEquals(List.of(), failures);
        assertEquals(before, caller.request().get(caller.path(base)).asString());
        assertEquals(orderBefore, caller.order(collection));
    }

    @Test
    void aCurrentIfMatchOrAStarGoesAhead() {
        String collection = caller.newCollection();
        String base = "/collections/" + collection;
        String first = caller.newTrack();
        String second = caller.newTrack();
        caller.request().header("If-Match", "\"0\"").body(Map.of("track_id", first)).post(caller.path(base + "/tracks"))
                .then().statusCode(200).header("ETag", "\"1\"");
        caller.request().header("If-Match", "\"7\", \"1\"").body(Map.of("track_id", second))
                .post(caller.path(base + "/tracks"))
                .then().statusCode(200).header("ETag", "\"2\"");
        caller.request().header("If-Match", "*").body(Map.of("ordered_track_ids", List.of(second)))
                .patch(caller.path(base + "/order"))
                .then().statusCode(200).header("ETag", "\"3\"");
        assertEquals(List.of(second, first), caller.order(collection));
    }

    @Test
    void twoClientsEditingTheSameOrderCannotOverwriteEachOther() {
        String collection = caller.newCollection();
        String base = "/collections/" + collection;
        List<String> tracks = threeMembers(collection);
        String seenByBoth = caller.request().get(caller.path(base + "/tracks")).header("ETag");

        caller.request().header("If-Match", seenByBoth).body(Map.of("ordered_track_ids", List.of(tracks.get(2))))
                .patch(caller.path(base + "/order")).then().statusCode(200);
        caller.request().header("If-Match", seenByBoth).body(Map.of("ordered_track_ids", List.of(tracks.get(1))))
                .patch(caller.path(base + "/order")).then().statusCode(412);
        assertEquals(List.of(tracks.get(2), tracks.get(0), tracks.get(1)), caller.order(collection));

        // The loser reads again and retries on the new revision.
        String fresh = caller.request().get(caller.path(base + "/tracks")).header("ETag");
        caller.request().header("If-Match", fresh).body(Map.of("ordered_track_ids", List.of(tracks.get(1))))
                .patch(caller.path(base + "/order")).then().statusCode(200);
        assertEquals(List.of(tracks.get(1), tracks.get(2), tracks.get(0)), caller.order(collection));
    }

    @Test
    void ifNoneMatchWithTheCurrentRevisionIs304WithoutABody() {
        String collection = caller.newCollection();
        caller.add(collection, caller.newTrack());
        for (String path : List.of("/collections/" + collection, "/collections/" + collection + "/tracks")) {
            for (String known : List.of("\"1\"", "W/\"1\"", "\"0\", \"1\"", "*")) {
                caller.request().header("If-None-Match", known).get(caller.path(path))
                        .then().statusCode(304).header("ETag", "\"1\"").body(emptyString());
            }
            caller.request().header("If-None-Match", "\"0\"").get(caller.path(path))
                    .then().statusCode(200).header("ETag", "\"1\"");
        }
    }

    @Test
    void aMalformedConditionIs400() {
        String collection = caller.newCollection();
        for (String malformed : List.of("1", "\"1", "\"1\" \"2\"", "W/1", "\"a b\"")) {
            caller.request().header("If-Match", malformed).body(Map.of("ordered_track_ids", List.of()))
                    .patch(caller.path("/collections/" + collection + "/order"))
                    .then().statusCode(400).body("error.code", equalTo("INVALID_REQUEST"));
            caller.request().header("If-None-Match", malformed).get(caller.path("/collections/" + collection))
                    .then().statusCode(400).body("error.code", equalTo("INVALID_REQUEST"));
        }
    }

    @Test
    void aMissingCollectionIs404WhateverTheCondition() {
        caller.request().header("If-Match", "\"0\"").body(Map.of("ordered_track_ids", List.of()))
                .patch(caller.path("/collections/mcoll_0000000000000000/order"))
                .then().statusCode(404).body("error.code", equalTo("RESOURCE_NOT_FOUND"));
    }

    /** Three new tracks added to the collection, which is then at revision 3. */
    private List<String> threeMembers(String collection) {
        List<String> tracks = List.of(caller.newTrack(), caller.newTrack(), caller.newTrack());
        tracks.forEach(track -> caller.add(collection, track));
        return tracks;
    }
}
