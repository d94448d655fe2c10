package io.trackorder.collections;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trackorder.support.Api;
import io.trackorder.support.TaggedReads;

/**
 * ETag, If-Match and If-None-Match on the Collections API. A collection's member pages are tagged
 * {@code "<revision>"}, the collection itself {@code "<revision>.<changes>"}, every other read by
 * a digest of its body; each tag changes exactly when its body does.
 */
@QuarkusTest
class ConditionalCollectionRequestsTest {

    private static final List<String> NONE = List.of();

    private Api.Caller caller;

    @BeforeEach
    void newCaller() {
        caller = Api.newCaller();
    }

    @Test
    void everyResponseAboutACollectionCarriesTheTagOfWhatItDescribes() {
        Response created = caller.request().body(Map.of("name", "c")).post(caller.path("/collections"));
        created.then().statusCode(201).header("ETag", "\"0.0\"");
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
                .then().statusCode(200).header("ETag", "\"3.1\"").body("revision", equalTo(3));
        caller.request().body(Map.of()).patch(caller.path(base))
                .then().statusCode(200).header("ETag", "\"3.2\"").body("revision", equalTo(3));
        caller.request().get(caller.path(base)).then().statusCode(200).header("ETag", "\"3.2\"");
        caller.request().get(caller.path(base + "/tracks")).then().statusCode(200).header("ETag", "\"3\"");
        caller.request().delete(caller.path(base + "/tracks/" + track))
                .then().statusCode(200).header("ETag", "\"4\"");
        caller.request().delete(caller.path(base + "/tracks/" + track))
                .then().statusCode(200).header("ETag", "\"4\"");
        caller.request().get(caller.path(base)).then().statusCode(200).header("ETag", "\"4.2\"");
        // Deleted, it has no representation left to tag.
        caller.request().delete(caller.path(base)).then().statusCode(200).header("ETag", nullValue());
    }

    /**
     * Every kind of change, each first with stale If-Match values (412, nothing written) and then
     * with the current tag of what it changes, against every read it may affect.
     */
    @Test
    void everyChangeRetagsExactlyTheReadsWhoseBodyItChanges() {
        String cover = caller.newTrack();
        List<String> members = List.of(caller.newTrack(), caller.newTrack(), caller.newTrack());
        String extra = caller.newTrack();
        String collection = caller.request().body(Map.of("name", "c", "cover_track_id", cover))
                .post(caller.path("/collections")).then().statusCode(201).extract().path("id");
        members.forEach(track -> caller.add(collection, track));
        String base = "/collections/" + collection;

        TaggedReads reads = new TaggedReads()
                .watch("collection", etag -> get(etag, base))
                .watch("members", etag -> get(etag, base + "/tracks"))
                .watch("collections", etag -> get(etag, "/collections"))
                .watch("tracks of the collection", etag -> get(etag, "/tracks?collection_id=" + collection))
                .watch("my tracks", etag -> get(etag, "/tracks"))
                .watch("cover track", etag -> get(etag, "/tracks/" + cover))
                .watch("history", etag -> get(etag, base + "/order/history"));
        List<String> membership = List.of("collection", "members", "collections", "tracks of the collection",
                "history");

        change(reads, "PATCH name", "collection", etag -> ifMatch(etag).body(Map.of("name", "renamed"))
                .patch(caller.path(base)), List.of("collection", "collections"));
        change(reads, "PATCH that changes no field (updated_at still moves)", "collection",
                etag -> ifMatch(etag).body(Map.of("name", "renamed")).patch(caller.path(base)),
                List.of("collection", "collections"));
        change(reads, "add a member", "members", etag -> ifMatch(etag).body(Map.of("track_id", extra))
                .post(caller.path(base + "/tracks")), membership);
        change(reads, "add a member again", "members", etag -> ifMatch(etag).body(Map.of("track_id", extra))
                .post(caller.path(base + "/tracks")), NONE);
        change(reads, "reorder", "members", etag -> ifMatch(etag)
                .body(Map.of("ordered_track_ids", List.of(members.get(2), extra))).patch(caller.path(base + "/order")),
                membership);
        change(reads, "reorder into the current order", "members", etag -> ifMatch(etag)
                .body(Map.of("ordered_track_ids", caller.order(collection))).patch(caller.path(base + "/order")),
                NONE);
        change(reads, "empty reorder", "members", etag -> ifMatch(etag)
                .body(Map.of("ordered_track_ids", List.of())).patch(caller.path(base + "/order")), NONE);
        change(reads, "remove a member", "members", etag -> ifMatch(etag)
                .delete(caller.path(base + "/tracks/" + members.get(0))), membership);
        change(reads, "remove a non-member", "members", etag -> ifMatch(etag)
                .delete(caller.path(base + "/tracks/" + members.get(0))), NONE);
        change(reads, "move", "members", etag -> ifMatch(etag).body(Map.of("range_start", 0, "insert_before", 2))
                .post(caller.path(base + "/order/moves")), membership);
        change(reads, "move that changes nothing", "members", etag -> ifMatch(etag)
                .body(Map.of("track_ids", List.of(members.get(2)), "before_track_id", members.get(1)))
                .post(caller.path(base + "/order/moves")), NONE);
        change(reads, "restore", "members", etag -> ifMatch(etag).body(Map.of("revision", 6))
                .post(caller.path(base + "/order/restore")), membership);
        change(reads, "restore of the current order", "members", etag -> ifMatch(etag).body(Map.of("revision", 8))
                .post(caller.path(base + "/order/restore")), NONE);

        caller.request().delete(caller.path("/tracks/" + cover)).then().statusCode(200);
        reads.check("delete the cover track", List.of("collection", "collections", "my tracks"), NONE,
                List.of("cover track"));
        caller.request().get(caller.path(base)).then().body("cover_track_id", nullValue());

        caller.request().delete(caller.path("/tracks/" + members.get(1))).then().statusCode(200);
        reads.check("delete a member track", List.of("collection", "members", "collections",
                "tracks of the collection", "my tracks", "history"), NONE, NONE);

        Response deleted = reads.conditionally("DELETE collection", "collection",
                etag -> ifMatch(etag).delete(caller.path(base)), 200);
        reads.check("DELETE collection", List.of("collections"), NONE,
                List.of("collection", "members", "tracks of the collection", "history"));
        reads.expect("DELETE collection answers no tag", deleted.header("ETag") == null, deleted.header("ETag"));
        reads.assertNoFailures();
    }

    @Test
    void aCollectionPatchLeavesTheMemberPagesTagAlone() {
        String collection = caller.newCollection();
        caller.add(collection, caller.newTrack());
        String base = "/collections/" + collection;
        String page = caller.request().get(caller.path(base + "/tracks")).then().statusCode(200).extract().header("ETag");

        caller.request().body(Map.of("description", "new")).patch(caller.path(base)).then().statusCode(200);

        caller.request().header("If-None-Match", page).get(caller.path(base + "/tracks"))
                .then().statusCode(304).header("ETag", page);
        caller.request().header("If-Match", page).body(Map.of("ordered_track_ids", List.of()))
                .patch(caller.path(base + "/order")).then().statusCode(200).header("ETag", page);
    }

    @Test
    void aStaleIfMatchIs412InTheEnvelopeAndWritesNothing() {
        String collection = caller.newCollection();
        String base = "/collections/" + collection;
        List<String> tracks = threeMembers(collection);
        String outsider = caller.newTrack();

        // What each change is conditional on: the track list ("3") or the collection ("3.0").
        Map<String, Function<String, Response>> mutations = new LinkedHashMap<>();
        Map<String, String> current = new LinkedHashMap<>();
        mutations.put("reorder", etag -> ifMatch(etag)
                .body(Map.of("ordered_track_ids", List.of(tracks.get(2), tracks.get(0)))).patch(caller.path(base + "/order")));
        current.put("reorder", "\"3\"");
        mutations.put("add", etag -> ifMatch(etag).body(Map.of("track_id", outsider)).post(caller.path(base + "/tracks")));
        current.put("add", "\"3\"");
        mutations.put("remove", etag -> ifMatch(etag).delete(caller.path(base + "/tracks/" + tracks.get(1))));
        current.put("remove", "\"3\"");
        mutations.put("update", etag -> ifMatch(etag).body(Map.of("name", "changed")).patch(caller.path(base)));
        current.put("update", "\"3.0\"");
        mutations.put("delete", etag -> ifMatch(etag).delete(caller.path(base)));
        current.put("delete", "\"3.0\"");

        String before = caller.request().get(caller.path(base)).asString();
        List<String> orderBefore = caller.order(collection);
        List<String> failures = new ArrayList<>();
        mutations.forEach((name, mutation) -> {
            String tag = current.get(name);
            String otherResource = tag.equals("\"3\"") ? "\"3.0\"" : "\"3\"";
            for (String etag : List.of("\"2\"", "\"2.0\"", otherResource, "W/" + tag, "\"4\", \"17\", \"3.1\"")) {
                Response response = mutation.apply(etag);
                if (response.statusCode() != 412 || !"PRECONDITION_FAILED".equals(response.path("error.code"))
                        || !tag.equals(response.path("error.details.etag"))) {
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
        caller.request().header("If-Match", "\"3.0\"").body(Map.of("name", "n")).patch(caller.path(base))
                .then().statusCode(200).header("ETag", "\"3.1\"");
        caller.request().header("If-Match", "*").body(Map.of("name", "m")).patch(caller.path(base))
                .then().statusCode(200).header("ETag", "\"3.2\"");
        caller.request().header("If-Match", "\"3.2\"").delete(caller.path(base)).then().statusCode(200);
        caller.request().get(caller.path(base)).then().statusCode(404);
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
    void twoClientsEditingTheSameCollectionCannotOverwriteEachOther() {
        String collection = caller.newCollection();
        String base = "/collections/" + collection;
        String seenByBoth = caller.request().get(caller.path(base)).header("ETag");

        caller.request().header("If-Match", seenByBoth).body(Map.of("name", "first"))
                .patch(caller.path(base)).then().statusCode(200);
        caller.request().header("If-Match", seenByBoth).body(Map.of("name", "second"))
                .patch(caller.path(base)).then().statusCode(412);
        caller.request().get(caller.path(base)).then().body("name", equalTo("first"));
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIs304WithoutABody() {
        String collection = caller.newCollection();
        caller.add(collection, caller.newTrack());
        Map<String, String> tags = Map.of("/collections/" + collection, "1.0", "/collections/" + collection + "/tracks", "1");
        tags.forEach((path, tag) -> {
            String etag = "\"" + tag + "\"";
            for (String known : List.of(etag, "W/" + etag, "\"0\", " + etag, "*")) {
                caller.request().header("If-None-Match", known).get(caller.path(path))
                        .then().statusCode(304).header("ETag", etag).body(emptyString());
            }
            for (String other : List.of("\"0\"", "\"1.1\"", tag.contains(".") ? "\"1\"" : "\"1.0\"")) {
                caller.request().header("If-None-Match", other).get(caller.path(path))
                        .then().statusCode(200).header("ETag", etag);
            }
        });
    }

    @Test
    void readsWithoutAVersionAreTaggedByADigestOfTheirBody() {
        String collection = caller.newCollection();
        String track = caller.newTrack();
        caller.add(collection, track);
        for (String path : List.of("/collections", "/collections?limit=1", "/tracks", "/tracks/" + track,
                "/tracks?collection_id=" + collection)) {
            Response first = caller.request().get(caller.path(path));
            String etag = first.then().statusCode(200).header("ETag", matchesPattern("\"[A-Za-z0-9_-]{22}\""))
                    .extract().header("ETag");
            // The same bytes again: same tag; and the tag answers 304 (weakly too), also to HEAD.
            Response again = caller.request().get(caller.path(path));
            assertEquals(first.asString(), again.asString(), path);
            assertEquals(etag, again.header("ETag"), path);
            for (String known : List.of(etag, "W/" + etag, "\"x\", " + etag, "*")) {
                caller.request().header("If-None-Match", known).get(caller.path(path))
                        .then().statusCode(304).header("ETag", etag).body(emptyString());
            }
            caller.request().header("If-None-Match", etag).head(caller.path(path))
                    .then().statusCode(304).header("ETag", etag);
            caller.request().head(caller.path(path)).then().statusCode(200).header("ETag", etag);
            caller.request().header("If-None-Match", "\"x\"").get(caller.path(path))
                    .then().statusCode(200).header("ETag", etag).body(equalTo(first.asString()));
        }
        // Another page of the same list is another representation.
        caller.newCollection();
        assertNotEquals(caller.request().get(caller.path("/collections?limit=1")).header("ETag"),
                caller.request().get(caller.path("/collections?limit=1&offset=1")).header("ETag"));
    }

    @Test
    void aMalformedConditionIs400() {
        String collection = caller.newCollection();
        for (String malformed : List.of("1", "\"1", "\"1\" \"2\"", "W/1", "\"a b\"")) {
            caller.request().header("If-Match", malformed).body(Map.of("ordered_track_ids", List.of()))
                    .patch(caller.path("/collections/" + collection + "/order"))
                    .then().statusCode(400).body("error.code", equalTo("INVALID_REQUEST"));
            caller.request().header("If-Match", malformed).body(Map.of("name", "n"))
                    .patch(caller.path("/collections/" + collection))
                    .then().statusCode(400).body("error.code", equalTo("INVALID_REQUEST"));
            for (String read : List.of("/collections/" + collection, "/collections", "/tracks")) {
                caller.request().header("If-None-Match", malformed).get(caller.path(read))
                        .then().statusCode(400).body("error.code", equalTo("INVALID_REQUEST"));
            }
        }
    }

    @Test
    void aMissingCollectionIs404WhateverTheCondition() {
        caller.request().header("If-Match", "\"0\"").body(Map.of("ordered_track_ids", List.of()))
                .patch(caller.path("/collections/mcoll_0000000000000000/order"))
                .then().statusCode(404).body("error.code", equalTo("RESOURCE_NOT_FOUND"));
        caller.request().header("If-None-Match", "*").get(caller.path("/collections/mcoll_0000000000000000"))
                .then().statusCode(404).body("error.code", equalTo("RESOURCE_NOT_FOUND"));
    }

    private void change(TaggedReads reads, String step, String validator, Function<String, Response> change,
            List<String> changed) {
        Response done = reads.conditionally(step, validator, change, 200);
        reads.check(step, changed, NONE, NONE);
        reads.expectTagOf(step, validator, done);
    }

    private Response get(String ifNoneMatch, String path) {
        RequestSpecification request = caller.request();
        return (ifNoneMatch == null ? request : request.header("If-None-Match", ifNoneMatch)).get(caller.path(path));
    }

    private RequestSpecification ifMatch(String etag) {
        return caller.request().header("If-Match", etag);
    }

    /** Three new tracks added to the collection, which is then at revision 3. */
    private List<String> threeMembers(String collection) {
        List<String> tracks = List.of(caller.newTrack(), caller.newTrack(), caller.newTrack());
        tracks.forEach(track -> caller.add(collection, track));
        return tracks;
    }
}
