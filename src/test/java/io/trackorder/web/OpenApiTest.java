package io.trackorder.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

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

    private static final Map<String, List<String>> RELEASE_ENDPOINTS = Map.of(
            "/releases", List.of("get", "post"),
            "/releases/{id}", List.of("get", "put", "delete"),
            "/releases/{id}/submit", List.of("post"),
            "/releases/{id}/review", List.of("post"),
            "/releases/{id}/tracks", List.of("get", "post"),
            "/releases/{id}/tracks/{trackId}", List.of("put", "delete"),
            "/releases/{id}/tracks/reorder", List.of("post"));

    @Test
    void everyReleaseEndpointIsDocumentedWithTheSeedsErrorResponses() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
                .body("components.responses.BadRequest.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/ReleasesError"))
                .extract().jsonPath();
        RELEASE_ENDPOINTS.forEach((path, methods) -> methods.forEach(method -> {
            String operation = "paths.'" + path + "'." + method;
            Map<String, Object> responses = doc.getMap(operation + ".responses");
            for (String status : List.of("400", "401", "404", "500", "503")) {
                if (!responses.containsKey(status)) {
                    throw new AssertionError(method + " " + path + " does not document " + status);
                }
            }
            assertEquals(List.of(Map.of("bearerAuth", List.of())), doc.getList(operation + ".security"), path);
        }));
        assertEquals("#/components/responses/NotFound",
                doc.getString("paths.'/releases/{id}/tracks/reorder'.post.responses.'404'.$ref"));
        assertEquals("#/components/schemas/TrackOrderRequest",
                doc.getString("paths.'/releases/{id}/tracks/reorder'.post.requestBody.content.'application/json'.schema.$ref"));
    }

    @Test
    void theReleaseSchemasHaveTheSeedsNamesAndFields() throws Exception {
        JsonNode seed = new ObjectMapper(new YAMLFactory())
                .readTree(OpenApiTest.class.getResourceAsStream("/seeds/releases-openapi.yaml"));
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        for (String schema : List.of("TrackOrderRequest", "ReleaseTrack", "ArtistReference", "Media")) {
            Set<String> seedFields = new TreeSet<>();
            seed.path("components").path("schemas").path(schema).path("properties").fieldNames()
                    .forEachRemaining(seedFields::add);
            Map<String, Object> ours = doc.getMap("components.schemas." + schema + ".properties");
            assertEquals(seedFields, new TreeSet<>(ours.keySet()), schema);
        }
        assertEquals(List.of("trackOrder"), doc.getList("components.schemas.TrackOrderRequest.required"));
        String items = doc.getString("components.schemas.TrackOrderRequest.properties.trackOrder.items.$ref");
        assertEquals("uuid", doc.getString("components.schemas." + items.substring(items.lastIndexOf('/') + 1) + ".format"));
    }

    @Test
    void conditionalRequestsAreDocumented() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        String reorder = "paths.'/v1/music/{organization_id}/collections/{collection_id}/order'.patch";
        assertEquals(List.of("If-Match"), doc.getList(reorder + ".parameters.findAll { it.in == 'header' }.name"));
        assertEquals("#/components/responses/Collections412", doc.getString(reorder + ".responses.'412'.$ref"));
        assertTrue(doc.getMap(reorder + ".responses.'200'.headers").containsKey("ETag"));
        String get = "paths.'/v1/music/{organization_id}/collections/{collection_id}/tracks'.get";
        assertEquals(List.of("If-None-Match"), doc.getList(get + ".parameters.findAll { it.in == 'header' }.name"));
        assertTrue(doc.getMap(get + ".responses.'304'.headers").containsKey("ETag"));
        assertEquals("#/components/responses/PreconditionFailed",
                doc.getString("paths.'/releases/{id}/tracks/reorder'.post.responses.'412'.$ref"));
        assertNull(doc.get("paths.'/v1/music/{organization_id}/collections'.get.responses.'412'"));
        assertNull(doc.get("paths.'/releases'.get.responses.'412'"));
        assertTrue(doc.getString("info.description").contains("Safe read-modify-write"), "the pattern is described");
    }

    @Test
    void theLimitsAppearInTheSchemas() {
        JsonPath schemas = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().setRootPath("components.schemas");
        Map<String, Integer> limits = Map.ofEntries(
                Map.entry("CollectionView.properties.name.maxLength", 512),
                Map.entry("CollectionView.properties.description.maxLength", 4096),
                Map.entry("CollectionView.properties.cover_track_id.maxLength", 128),
                Map.entry("CollectionView.properties.cover_image_url.maxLength", 1024),
                Map.entry("TrackView.properties.title.maxLength", 512),
                Map.entry("NewTrack.properties.engine.maxLength", 256),
                Map.entry("AddMember.properties.track_id.maxLength", 128),
                Map.entry("NewApiKey.properties.name.maxLength", 256),
                Map.entry("ReorderRequest.properties.ordered_track_ids.maxItems", 10_000),
                Map.entry("TrackOrderRequest.properties.trackOrder.maxItems", 1000),
                Map.entry("Release.properties.title.maxLength", 512),
                Map.entry("Release.properties.description.maxLength", 4096),
                Map.entry("Release.properties.mainGenre.maxItems", 100),
                Map.entry("Release.properties.tracks.maxItems", 1000),
                Map.entry("ReleaseTrack.properties.lyrics.maxLength", 65_536),
                Map.entry("ReviewRequest.properties.feedback.maxLength", 4096));
        limits.forEach((path, limit) -> assertEquals(limit, schemas.getInt(path), path));
        assertEquals(86_400, schemas.getDouble("NewTrack.properties.measured_duration_seconds.maximum"));
    }
}
