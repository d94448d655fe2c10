package io.trackorder.errors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.trackorder.support.Api;
import io.trackorder.support.TestDatabase;

/** The Collections API envelope for the failures no endpoint produces itself. */
@QuarkusTest
class ErrorFormatTest {

    private static ValidatableResponse assertEnvelope(ValidatableResponse response, int status, String code, String type) {
        String traceId = response.extract().header("X-Request-Id");
        return response.statusCode(status)
                .contentType(ContentType.JSON)
                .body("success", equalTo(false))
                .body("error.code", equalTo(code))
                .body("error.type", equalTo(type))
                .body("error.status", equalTo(status))
                .body("error.trace_id", equalTo(traceId))
                .body("error.timestamp", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    }

    @Test
    void unknownRoutesAre404() {
        Api.Caller caller = Api.newCaller();
        assertEnvelope(given().get("/nothing/here").then(), 404, "RESOURCE_NOT_FOUND", "client_error");
        assertEnvelope(caller.request().get(caller.path("/playlists")).then(), 404, "RESOURCE_NOT_FOUND", "client_error");
    }

    @Test
    void aWrongMethodIs405() {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        assertEnvelope(caller.request().put(caller.path("/collections/" + collection)).then(),
                405, "METHOD_NOT_ALLOWED", "client_error");
    }

    @Test
    void aBodyOverOneMebibyteIs413AndWritesNothing() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        String huge = "{\"ordered_track_ids\": [\"" + "x".repeat(1024 * 1024) + "\"]}";
        assertEnvelope(caller.request().body(huge).patch(caller.path("/collections/" + collection + "/order")).then(),
                413, "PAYLOAD_TOO_LARGE", "client_error");
        assertEquals(0, TestDatabase.revision(caller.organizationId(), collection));
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Api.Caller caller = Api.newCaller();
        assertEnvelope(caller.request().contentType(ContentType.TEXT).body("name=x").post(caller.path("/collections")).then(),
                415, "UNSUPPORTED_MEDIA_TYPE", "client_error");
    }

    @Test
    void malformedJsonIs400() {
        Api.Caller caller = Api.newCaller();
        assertEnvelope(caller.request().body("{\"title\": ").post(caller.path("/tracks")).then(),
                400, "INVALID_REQUEST", "client_error");
    }

    @Test
    void valuesTheDatabaseCannotStoreAreTheClientsError() {
        Api.Caller caller = Api.newCaller();
        assertEnvelope(caller.request().body("{\"name\": \"nul\\u0000here\"}").post(caller.path("/collections")).then(),
                422, "VALIDATION_ERROR", "validation_error");
        // In a path, such a value is an id that cannot exist: not found (IdsWithNulTest covers every route).
        caller.request().urlEncodingEnabled(false).get(caller.path("/tracks/mtrack_%00")).then().statusCode(404);
        caller.request().get(caller.path("/collections")).then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void anInternalFailureIs500WithoutInternals() {
        Api.Caller caller = Api.newCaller();
        assertEnvelope(caller.request().get(caller.path("/test-failure")).then(), 500, "INTERNAL_ERROR", "server_error")
                .body(not(containsString("SELECT")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("java.")))
                .body(not(containsString("at io.")));
    }

    @Test
    void everyResponseCarriesARequestIdAndSafeClientIdsAreEchoed() {
        Api.Caller caller = Api.newCaller();
        given().get("/q/openapi").then().header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
        caller.request().header("X-Request-Id", "client-42.a_b").get(caller.path("/collections"))
                .then().statusCode(200).header("X-Request-Id", equalTo("client-42.a_b"));
        given().header("X-Request-Id", "client-42").get("/v1/music/org_x/collections")
                .then().statusCode(401).header("X-Request-Id", equalTo("client-42"))
                .body("error.trace_id", equalTo("client-42"));
        for (String unsafe : List.of("has space", "x".repeat(129), "semi;colon")) {
            given().header("X-Request-Id", unsafe).get("/v1/music/org_x/collections")
                    .then().header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
        }
    }
}
