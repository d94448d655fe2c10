package io.trackorder.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Callers of the Collections API for tests: each test makes its own organizations and users. */
public final class Api {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private Api() {
    }

    public static String uniqueId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A new user with a new key in a new organization. */
    public static Caller newCaller() {
        return newCaller(uniqueId("org_"));
    }

    /** A new user with a new key in the given organization. */
    public static Caller newCaller(String organizationId) {
        String userId = uniqueId("usr_");
        String key = admin().body(Map.of("organization_id", organizationId, "user_id", userId, "name", "test"))
                .post("/admin/api-keys")
                .then().statusCode(201)
                .extract().path("api_key");
        return new Caller(organizationId, userId, key);
    }

    public static RequestSpecification admin() {
        return given().header("X-Admin-Token", ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    public record Caller(String organizationId, String userId, String apiKey) {

        /** A request with this caller's key, to be sent to {@link #path}. */
        public RequestSpecification request() {
            return given().header("X-API-Key", apiKey).contentType(ContentType.JSON);
        }

        public String path(String rest) {
            return "/v1/music/" + organizationId + rest;
        }

        public String newTrack() {
            return request().body(Map.of("title", "t")).post(path("/tracks"))
                    .then().statusCode(201).extract().path("id");
        }

        public String newCollection() {
            return request().body(Map.of("name", "c")).post(path("/collections"))
                    .then().statusCode(201).extract().path("id");
        }

        public void add(String collectionId, String trackId) {
            request().body(Map.of("track_id", trackId)).post(path("/collections/" + collectionId + "/tracks"))
                    .then().statusCode(200);
        }

        /** Adds {@code count} new tracks to a collection, one after the other; their ids in that order. */
        public List<String> addNewTracks(String collectionId, int count) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = newTrack();
                add(collectionId, id);
                ids.add(id);
            }
            return ids;
        }

        /** A move of the collection's tracks; the answer, unchecked. {@code body} is a map, or JSON text as it is. */
        public Response move(String collectionId, Object body) {
            return request().body(body).post(path("/collections/" + collectionId + "/order/moves"));
        }

        /** A restore of the collection's order; the answer, unchecked. */
        public Response restore(String collectionId, Object body) {
            return request().body(body).post(path("/collections/" + collectionId + "/order/restore"));
        }

        /** The collection's order history as the API lists it, newest first: up to 100 entries, without orders. */
        public List<Map<String, Object>> history(String collectionId) {
            return request().get(path("/collections/" + collectionId + "/order/history?limit=100"))
                    .then().statusCode(200).extract().path("items");
        }

        /** The order recorded by the history entry of {@code revision}. */
        public List<String> recordedOrder(String collectionId, long revision) {
            return request().get(path("/collections/" + collectionId + "/order/history/" + revision))
                    .then().statusCode(200).extract().path("track_ids");
        }

        /** The collection's track ids in position order, as the API lists them. */
        public List<String> order(String collectionId) {
            return request().get(path("/collections/" + collectionId + "/tracks?limit=500"))
                    .then().statusCode(200).extract().path("items.track_id");
        }
    }
}
