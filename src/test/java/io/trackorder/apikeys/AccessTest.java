package io.trackorder.apikeys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.trackorder.support.Api;
import io.trackorder.support.Endpoints;
import io.trackorder.support.TestDatabase;

@QuarkusTest
class AccessTest {

    private record Call(Endpoints.Endpoint endpoint, String path, Object body) {
    }

    /** Every Collections API endpoint, aimed at one collection and one track of its owner. */
    private static List<Call> everyEndpoint(String organization, String collection, String track) {
        // The body a client would send; the other endpoints take none.
        Map<Endpoints.Endpoint, Object> bodies = Map.of(
                Endpoints.CREATE_TRACK, Map.of("title", "x"),
                Endpoints.CREATE_COLLECTION, Map.of("name", "x"),
                Endpoints.UPDATE_COLLECTION, Map.of("name", "stolen"),
                Endpoints.ADD_COLLECTION_TRACK, Map.of("track_id", track),
                Endpoints.REORDER_COLLECTION, Map.of("ordered_track_ids", List.of(track)),
                Endpoints.MOVE_COLLECTION_TRACKS, Map.of("range_start", 0, "insert_before", 1),
                Endpoints.RESTORE_COLLECTION_ORDER, Map.of("revision", 1));
        Map<String, String> ids = Map.of("organization_id", organization, "collection_id", collection, "track_id", track,
                "revision", "1");
        return Endpoints.of(Endpoints.Surface.COLLECTIONS).stream()
                .map(endpoint -> new Call(endpoint, endpoint.path(ids), bodies.get(endpoint))).toList();
    }

    private static io.restassured.response.Response send(RequestSpecification request, Call call) {
        if (call.body() != null) {
            request.contentType(ContentType.JSON).body(call.body());
        }
        return request.request(call.endpoint().method(), call.path());
    }

    @Test
    void withoutAValidKeyEveryEndpointIs401WithTheSeedsBody() throws Exception {
        Api.Caller owner = Api.newCaller();
        String collection = owner.newCollection();
        String track = owner.newTrack();
        owner.add(collection, track);
        String revokedKey = Api.newCaller(owner.organizationId()).apiKey();
        String revokedId = revoke(revokedKey);

        for (String key : new String[] { null, "", "ak_nope", "ak_" + "0".repeat(40), "AK_" + "a".repeat(40), revokedKey }) {
            for (Call call : everyEndpoint(owner.organizationId(), collection, track)) {
                RequestSpecification request = given();
                if (key != null) {
                    request.header("X-API-Key", key);
                }
                send(request, call).then().statusCode(401)
                        .body("success", equalTo(false))
                        .body("error.code", equalTo("AUTHENTICATION_REQUIRED"))
                        .body("error.message", equalTo("Authentication required. Please provide a valid API key."))
                        .body("error.system_message", equalTo("Missing or invalid authorization header"))
                        .body("error.type", equalTo("authentication_error"))
                        .body("error.status", equalTo(401))
                        .body("error.details", equalTo(Map.of()));
            }
        }
        assertUnchanged(owner, collection, track);
        Api.admin().delete("/admin/api-keys/" + revokedId).then().statusCode(200);
    }

    @Test
    void anotherOrganizationsKeyIs403OnEveryEndpoint() throws Exception {
        Api.Caller owner = Api.newCaller();
        Api.Caller outsider = Api.newCaller();
        String collection = owner.newCollection();
        String track = owner.newTrack();
        owner.add(collection, track);

        for (Call call : everyEndpoint(owner.organizationId(), collection, track)) {
            send(outsider.request(), call).then().statusCode(403)
                    .body("error.code", equalTo("ORGANIZATION_ACCESS_DENIED"))
                    .body("error.type", equalTo("authorization_error"));
        }
        assertUnchanged(owner, collection, track);
    }

    @Test
    void anotherUserOfTheOrganizationGets404OnEveryCollectionEndpoint() throws Exception {
        Api.Caller owner = Api.newCaller();
        Api.Caller colleague = Api.newCaller(owner.organizationId());
        String collection = owner.newCollection();
        String track = owner.newTrack();
        owner.add(collection, track);
        String missing = "mcoll_0000000000000000";

        for (Call call : everyEndpoint(owner.organizationId(), collection, track)) {
            if (!call.endpoint().parameters().contains("collection_id")) {
                continue;
            }
            var asColleague = send(colleague.request(), call).then().statusCode(404)
                    .body("error.code", equalTo("RESOURCE_NOT_FOUND"))
                    .body("error.system_message", equalTo("Music collection not found or not owned by caller"))
                    .body("error.details", equalTo(Map.of("collection_id", collection)));
            // Indistinguishable from a collection that does not exist.
            Call toMissing = new Call(call.endpoint(), call.path().replace(collection, missing), call.body());
            send(colleague.request(), toMissing).then().statusCode(404)
                    .body("error.details", equalTo(Map.of("collection_id", missing)));
            assertEquals(404, asColleague.extract().statusCode());
        }
        colleague.request().get(colleague.path("/tracks?collection_id=" + collection)).then().statusCode(404);
        colleague.request().get(colleague.path("/collections")).then().statusCode(200).body("items.size()", equalTo(0));
        assertUnchanged(owner, collection, track);
    }

    @Test
    void onlyTheCreatorMayDeleteATrack() throws Exception {
        Api.Caller owner = Api.newCaller();
        Api.Caller colleague = Api.newCaller(owner.organizationId());
        String track = owner.newTrack();
        colleague.request().get(colleague.path("/tracks/" + track)).then().statusCode(200);
        colleague.request().delete(colleague.path("/tracks/" + track)).then().statusCode(403)
                .body("error.code", equalTo("INSUFFICIENT_PERMISSIONS"))
                .body("error.type", equalTo("authorization_error"));
        owner.request().get(owner.path("/tracks/" + track)).then().statusCode(200);
    }

    @Test
    void adminCallsNeedTheAdminToken() {
        Map<String, String> body = Map.of("organization_id", "org_a", "user_id", "usr_a", "name", "n");
        for (String token : new String[] { null, "", "wrong", Api.ADMIN_TOKEN + "x" }) {
            for (Endpoints.Endpoint endpoint : Endpoints.of(Endpoints.Surface.ADMIN)) {
                RequestSpecification request = given();
                if (token != null) {
                    request.header("X-Admin-Token", token);
                }
                Call call = new Call(endpoint, endpoint.path(Map.of("id", "akid_0000000000000000")),
                        endpoint == Endpoints.ISSUE_API_KEY ? body : null);
                send(request, call).then().statusCode(401)
                        .body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
            }
        }
    }

    @Test
    void issuedKeysShowTheirOwnerOnceAndRevokedKeysStopAtOnce() {
        String org = Api.uniqueId("org_");
        var issued = Api.admin().body(Map.of("organization_id", org, "user_id", "usr_1", "name", "ci"))
                .post("/admin/api-keys").then().statusCode(201)
                .body("id", matchesPattern("akid_[0-9a-f]{16}"))
                .body("api_key", matchesPattern("ak_[0-9a-f]{40}"))
                .body("organization_id", equalTo(org))
                .body("user_id", equalTo("usr_1"))
                .body("name", equalTo("ci"))
                .body("created_at", matchesPattern("\\d{4}-.*Z"))
                .extract();
        String key = issued.path("api_key");
        String id = issued.path("id");
        given().header("X-API-Key", key).get("/v1/music/" + org + "/collections").then().statusCode(200);

        Api.admin().delete("/admin/api-keys/" + id).then().statusCode(200)
                .body(equalTo("{\"success\":true,\"id\":\"" + id + "\",\"detail\":\"API key revoked.\"}"));
        given().header("X-API-Key", key).get("/v1/music/" + org + "/collections").then().statusCode(401);
        Api.admin().delete("/admin/api-keys/" + id).then().statusCode(200);
        Api.admin().delete("/admin/api-keys/akid_0000000000000000").then().statusCode(404)
                .body("error.code", equalTo("RESOURCE_NOT_FOUND"));
    }

    @Test
    void keyIssuanceValidatesItsBody() {
        for (Object body : List.of(Map.of("organization_id", "org a", "user_id", "u", "name", "n"),
                Map.of("organization_id", "o".repeat(65), "user_id", "u", "name", "n"),
                Map.of("organization_id", "o", "name", "n"), Map.of("organization_id", "o", "user_id", "u"),
                Map.of("organization_id", "o", "user_id", "u", "name", "n", "admin", true))) {
            Api.admin().body(body).post("/admin/api-keys").then().statusCode(422)
                    .body("error.code", equalTo("VALIDATION_ERROR"));
        }
    }

    /** A key's name is 1-256 characters, not blank, and the error says exactly that whatever the violation. */
    @Test
    void aKeyNameIsOneTo256CharactersAndTheMessageSaysSo() {
        String org = Api.uniqueId("org_");
        for (String name : List.of("", " ", "x".repeat(257))) {
            Api.admin().body(Map.of("organization_id", org, "user_id", "usr_a", "name", name)).post("/admin/api-keys")
                    .then().statusCode(422)
                    .body("error.code", equalTo("VALIDATION_ERROR"))
                    .body("error.details.field", equalTo("name"))
                    .body("error.system_message", equalTo("name must be 1-256 characters and not blank"));
        }
        for (String name : List.of("x", "x".repeat(256))) {
            Api.admin().body(Map.of("organization_id", org, "user_id", "usr_a", "name", name)).post("/admin/api-keys")
                    .then().statusCode(201).body("name", equalTo(name));
        }
    }

    private static String revoke(String apiKey) throws Exception {
        try (var db = TestDatabase.connect();
                var query = db.prepareStatement(
                        "UPDATE api_keys SET revoked_at = now() WHERE key_hash = sha256(convert_to(?, 'UTF8')) RETURNING id")) {
            query.setString(1, apiKey);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static void assertUnchanged(Api.Caller owner, String collection, String track) throws Exception {
        assertEquals(List.of(track), TestDatabase.denseOrder(owner.organizationId(), collection));
        assertEquals(1, TestDatabase.revision(owner.organizationId(), collection));
        owner.request().get(owner.path("/collections/" + collection)).then().statusCode(200).body("name", equalTo("c"));
        owner.request().get(owner.path("/tracks/" + track)).then().statusCode(200);
    }
}
