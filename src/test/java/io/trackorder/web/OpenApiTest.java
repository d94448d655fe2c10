package io.trackorder.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** /q/openapi documents every endpoint with its error responses; Swagger UI is served. */
@QuarkusTest
class OpenApiTest {

    private static final Map<String, List<String>> ENDPOINTS = Map.of(
            "/admin/api-keys", List.of("post"),
            "/admin/api-keys/{id}", List.of("delete"),
            "/v1/music/{organization_id}/tracks", List.of("get", "post"),
            "/v1/music/{organization_id}/tracks/{track_id}", List.of("get", "delete"),
            "/v1/music/{organization_id}/collections", List.of("get", "post"),
            "/v1/music/{organization_id}/collections/{collection_id}", List.of("get", "patch", "delete"),
            "/v1/music/{organization_id}/collections/{collection_id}/tracks", List.of("get", "post"),
            "/v1/music/{organization_id}/collections/{collection_id}/tracks/{track_id}", List.of("delete"),
            "/v1/music/{organization_id}/collections/{collection_id}/order", List.of("patch"));

    @Test
    void everyEndpointIsDocumentedWithItsErrors() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas", hasKey("ErrorEnvelope"))
                .body("components.securitySchemes", hasKey("apiKey"))
                .extract().jsonPath();
        ENDPOINTS.forEach((path, methods) -> methods.forEach(method -> {
            Map<String, Object> responses = doc.getMap("paths.'" + path + "'." + method + ".responses");
            for (String status : List.of("400", "401", "404", "413", "415", "422", "500", "503")) {
                if (!responses.containsKey(status)) {
                    throw new AssertionError(method + " " + path + " does not document " + status);
                }
            }
        }));
        given().accept("application/json").get("/q/openapi?format=json").then()
                .body("paths.'/v1/music/{organization_id}/collections/{collection_id}/order'.patch.requestBody.content"
                        + ".'application/json'.examples.seed.value", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
