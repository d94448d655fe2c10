package io.trackorder.openapi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import io.trackorder.support.Api;
import io.trackorder.support.OpenApiConformance;

/**
 * Every rest-assured call of every test is checked against the served OpenAPI document
 * ({@link OpenApiConformance}, installed for all tests without them asking). Here the answers are
 * altered on the way back, so that the check must see what a wrong service would send.
 */
@QuarkusTest
class OpenApiConformanceTest {

    @Test
    void aResponseThatDoesNotMatchTheDocumentFailsTheTest() {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        caller.request().get(caller.path("/collections/" + collection)).then().statusCode(200);
        assertFails("does not match the OpenAPI document", () -> caller.request()
                .filter(answer(200, "{\"id\": \"" + collection + "\", \"name\": 7}"))
                .get(caller.path("/collections/" + collection)));
        assertFails("does not match the OpenAPI document", () -> caller.request()
                .filter(answer(299, "{}")).get(caller.path("/collections/" + collection)));
    }

    @Test
    void aRequestTheDocumentCallsInvalidMustBeRefusedWithA4xx() {
        Api.Caller caller = Api.newCaller();
        caller.request().get(caller.path("/collections?limit=many")).then().statusCode(400);
        assertFails("was not refused with a 4xx", () -> caller.request()
                .filter(answer(200, "{\"items\": [], \"limit\": 50, \"offset\": 0}"))
                .get(caller.path("/collections?limit=many")));
    }

    @Test
    void theOrderRoutesAreHeldToTheDocumentToo() {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        caller.addNewTracks(collection, 2);
        String history = caller.path("/collections/" + collection + "/order/history");
        Map<String, Object> stringStart = Map.of("range_start", "0", "insert_before", 2);
        caller.move(collection, stringStart).then().statusCode(422);
        assertFails("was not refused with a 4xx", () -> caller.request()
                .filter(answer(200, "{\"success\": true, \"id\": \"" + collection + "\", \"detail\": \"x\"}"))
                .body(stringStart).post(caller.path("/collections/" + collection + "/order/moves")));
        caller.request().get(history).then().statusCode(200);
        assertFails("does not match the OpenAPI document", () -> caller.request()
                .filter(answer(200, "{\"collection_id\": \"" + collection + "\", \"items\": [{\"revision\": \"2\"}]}"))
                .get(history));
        assertFails("does not match the OpenAPI document", () -> caller.request()
                .filter(answer(200, "{\"success\": \"yes\", \"id\": \"" + collection + "\", \"detail\": \"x\"}"))
                .body(Map.of("revision", 1)).post(caller.path("/collections/" + collection + "/order/restore")));
    }

    @Test
    void aRequestOutsideTheDocumentMustGetAnErrorOfTheApi() {
        Api.Caller caller = Api.newCaller();
        caller.request().get(caller.path("/playlists")).then().statusCode(404);
        assertFails("must get an error in one of the API's formats", () -> caller.request()
                .filter(answer(404, "{\"error\": \"no such thing\"}")).get(caller.path("/playlists")));
        assertFails("must get an error in one of the API's formats", () -> caller.request()
                .filter(answer(200, "{\"items\": []}")).get(caller.path("/playlists")));
    }

    /** Replaces the service's status and body, keeping its headers. */
    private static Filter answer(int status, String body) {
        return (request, response, next) -> {
            Response real = next.next(request, response);
            return new ResponseBuilder().clone(real).setStatusCode(status).setBody(body).build();
        };
    }

    private static void assertFails(String reason, Executable call) {
        AssertionError failure = assertThrows(AssertionError.class, call);
        assertTrue(failure.getMessage().contains(reason), failure.getMessage());
    }
}
