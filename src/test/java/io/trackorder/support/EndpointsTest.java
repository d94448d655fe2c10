package io.trackorder.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The shared endpoint list is exactly the served OpenAPI document's operations: same methods, path
 * templates, operation ids and security schemes. A new endpoint fails here until it is listed, and
 * then every test that goes through {@link Endpoints} must say what it expects of it.
 */
@QuarkusTest
class EndpointsTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Test
    void theListIsExactlyTheOperationsOfTheServedDocument() throws Exception {
        JsonNode paths = new ObjectMapper()
                .readTree(given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                        .extract().asString())
                .path("paths");
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey())) {
                JsonNode security = operation.getValue().path("security");
                List<String> schemes = new ArrayList<>();
                security.forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
                documented.add(describe(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        operation.getValue().path("operationId").asText(), String.join(" ", schemes)));
            }
        }));
        Set<String> listed = new TreeSet<>();
        for (Endpoints.Endpoint endpoint : Endpoints.ALL) {
            listed.add(describe(endpoint.method(), endpoint.path(), endpoint.operationId(),
                    endpoint.surface().auth().scheme()));
        }
        assertEquals(Endpoints.ALL.size(), listed.size(), "an endpoint is listed twice");
        assertEquals(documented, listed);
    }

    private static String describe(String method, String path, String operationId, String scheme) {
        return method + " " + path + " (" + operationId + ", " + scheme + ")";
    }

}
