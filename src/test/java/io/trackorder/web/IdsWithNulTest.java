package io.trackorder.web;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * An id with a NUL character (which PostgreSQL text cannot hold) names nothing: in a path it is a
 * 404 like any other id that does not exist, on every route that takes one, on both surfaces and
 * {@code /admin}, and nothing changes. Where such an id comes in a body, it is treated as the
 * surface treats any unknown id.
 */
@QuarkusTest
class IdsWithNulTest {

    /** A NUL alone, after a prefix, and around an id that exists (so that nothing may match by truncation). */
    private static List<String> nulIds(String existing) {
        return List.of("%00", "mcoll_%00", existing + "%00", "%00" + existing, existing.substring(0, 6) + "%00"
                + existing.substring(6));
    }

    private record Call(String method, String path, Object body) {
    }

    @Test
    void aCollectionsApiPathIdWithANulIs404OnEveryRouteAndChangesNothing() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        String track = caller.newTrack();
        String other = caller.newTrack();
        caller.add(collection, track);
        caller.add(collection, other);
        List<String> order = TestDatabase.denseOrder(caller.organizationId(), collection);
        long revision = TestDatabase.revision(caller.organizationId(), collection);

        List<Call> calls = new ArrayList<>();
        for (String bad : nulIds(collection)) {
            String c = "/collections/" + bad;
            calls.add(new Call("GET", c, null));
            calls.add(new Call("PATCH", c, Map.of("name", "renamed")));
            calls.add(new Call("DELETE", c, null));
            calls.add(new Call("GET", c + "/tracks", null));
            calls.add(new Call("POST", c + "/tracks", Map.of("track_id", track)));
            calls.add(new Call("DELETE", c + "/tracks/" + track, null));
            calls.add(new Call("PATCH", c + "/order", Map.of("ordered_track_ids", List.of(other, track))));
            calls.add(new Call("POST", c + "/order/moves", Map.of("track_ids", List.of(other), "before_track_id", track)));
            calls.add(new Call("GET", c + "/order/history", null));
            calls.add(new Call("GET", c + "/order/history/1", null));
            calls.add(new Call("POST", c + "/order/restore", Map.of("revision", 1)));
            calls.add(new Call("GET", "/tracks?collection_id=" + bad, null));
        }
        for (String bad : List.of("%00", "1%00", "%001", "0%00")) {
            calls.add(new Call("GET", "/collections/" + collection + "/order/history/" + bad, null));
        }
        for (String bad : nulIds(track)) {
            calls.add(new Call("GET", "/tracks/" + bad, null));
            calls.add(new Call("DELETE", "/tracks/" + bad, null));
            calls.add(new Call("DELETE", "/collections/" + collection + "/tracks/" + bad, null));
        }
        for (Call call : calls) {
            Response response = send(caller.request(), call.method(), caller.path(call.path()), call.body());
            response.then().statusCode(404).body("success", equalTo(false))
                    .body("error.code", equalTo("RESOURCE_NOT_FOUND"));
        }

        assertEquals(order, TestDatabase.denseOrder(caller.organizationId(), collection), "the order is as it was");
        assertEquals(revision, TestDatabase.revision(caller.organizationId(), collection));
        caller.request().get(caller.path("/collections/" + collection)).then().statusCode(200).body("name", equalTo("c"));
        caller.request().get(caller.path("/tracks/" + track)).then().statusCode(200);
    }

    @Test
    void aCollectionsApiBodyIdWithANulIsAnUnknownTrack() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        String track = caller.newTrack();
        String other = caller.newTrack();
        caller.add(collection, track);
        caller.add(collection, other);
        String collectionPath = caller.path("/collections/" + collection);

        caller.request().body(Map.of("track_id", track + "\u0000")).post(collectionPath + "/tracks")
                .then().statusCode(404).body("error.code", equalTo("RESOURCE_NOT_FOUND"))
                .body("error.details.track_id", equalTo(track + "\u0000"));
        caller.request().body(Map.of("cover_track_id", track + "\u0000")).patch(collectionPath)
                .then().statusCode(422).body("error.details.field", equalTo("cover_track_id"));
        // A reorder ignores ids that are not members: one with a NUL is no different.
        caller.request().body(Map.of("ordered_track_ids", List.of(other + "\u0000", other, "\u0000")))
                .patch(collectionPath + "/order").then().statusCode(200);
        assertEquals(List.of(other, track), TestDatabase.denseOrder(caller.organizationId(), collection));
        // A move names every id that is not a member, those with a NUL too, and an anchor with one is none.
        List<String> withNul = List.of(track + "\u0000", "\u0000", "mtrack_\u0000x");
        caller.request().body(Map.of("track_ids", withNul, "before_track_id", other))
                .post(collectionPath + "/order/moves").then().statusCode(422)
                .body("error.details.field", equalTo("track_ids"))
                .body("error.details.not_member_ids", equalTo(withNul));
        for (String anchor : List.of("before_track_id", "after_track_id")) {
            caller.request().body(Map.of("track_ids", List.of(track), anchor, other + "\u0000"))
                    .post(collectionPath + "/order/moves").then().statusCode(422)
                    .body("error.details", equalTo(Map.of("field", anchor)));
        }
        assertEquals(List.of(other, track), TestDatabase.denseOrder(caller.organizationId(), collection));
        assertEquals(3, TestDatabase.revision(caller.organizationId(), collection));
    }

    @Test
    void aReleasesApiPathIdWithANulIs404OnEveryRouteAndChangesNothing() {
        Releases.Member admin = Releases.newMember().adminOfWorkspace();
        String release = admin.newRelease(2);
        List<String> tracks = admin.trackIds(release);
        String track = tracks.get(0);

        List<Call> calls = new ArrayList<>();
        for (String bad : nulIds(release)) {
            String r = "/releases/" + bad;
            calls.add(new Call("GET", r, null));
            calls.add(new Call("PUT", r, Map.of("title", "renamed")));
            calls.add(new Call("DELETE", r, null));
            calls.add(new Call("POST", r + "/submit", null));
            calls.add(new Call("POST", r + "/review", Map.of("action", "approve")));
            calls.add(new Call("GET", r + "/tracks", null));
            calls.add(new Call("POST", r + "/tracks", Map.of("title", "added")));
            calls.add(new Call("PUT", r + "/tracks/" + track, Map.of("title", "renamed")));
            calls.add(new Call("DELETE", r + "/tracks/" + track, null));
            calls.add(new Call("POST", r + "/tracks/reorder", Map.of("trackOrder", List.of(tracks.get(1), track))));
        }
        for (String bad : nulIds(track)) {
            calls.add(new Call("PUT", "/releases/" + release + "/tracks/" + bad, Map.of("title", "renamed")));
            calls.add(new Call("DELETE", "/releases/" + release + "/tracks/" + bad, null));
        }
        for (Call call : calls) {
            Response response = send(admin.request(), call.method(), call.path(), call.body());
            response.then().statusCode(404).body("status", equalTo("error")).body("success", equalTo(null));
        }

        admin.request().get("/releases/" + release).then().statusCode(200)
                .body("data.title", equalTo("Release")).body("data.status", equalTo("draft"))
                .body("data.tracks.title", equalTo(List.of("1", "2")));
    }

    @Test
    void anAdminPathIdWithANulIs404() {
        String key = Api.admin().body(Map.of("organization_id", Api.uniqueId("org_"), "user_id", "usr_k", "name", "k"))
                .post("/admin/api-keys").then().statusCode(201).extract().path("id");
        for (String bad : nulIds(key)) {
            send(Api.admin(), "DELETE", "/admin/api-keys/" + bad, null).then().statusCode(404)
                    .body("error.code", equalTo("RESOURCE_NOT_FOUND"));
        }
        Api.admin().delete("/admin/api-keys/" + key).then().statusCode(200);
    }

    /** The organization in the path is checked against the key before anything else: a NUL there is another organization. */
    @Test
    void anOrganizationIdWithANulIsAnotherOrganization() {
        Api.Caller caller = Api.newCaller();
        Response response = send(caller.request(), "GET", "/v1/music/" + caller.organizationId() + "%00/collections", null);
        response.then().statusCode(403).body("error.code", equalTo("ORGANIZATION_ACCESS_DENIED"));
        assertTrue(response.asString().contains("organization_id"));
    }

    private static Response send(RequestSpecification request, String method, String path, Object body) {
        RequestSpecification spec = request.urlEncodingEnabled(false);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.request(method, path);
    }
}
