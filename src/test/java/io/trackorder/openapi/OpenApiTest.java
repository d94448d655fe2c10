package io.trackorder.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.trackorder.support.Endpoints;

/**
 * /q/openapi documents every endpoint with its error responses, in a form that OpenAPI tools take
 * as it is; Swagger UI is served. That every answer of the service matches the document is checked
 * on every call of every test (support.OpenApiConformance).
 */
@QuarkusTest
class OpenApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");
    /** The operations whose body has fields that must be given (a new track has none). */
    private static final Set<String> WITH_REQUIRED_FIELDS = Set.of("createCollection", "addCollectionTrack",
            "reorderCollection", "moveCollectionTracks", "restoreCollectionOrder", "issueApiKey", "createRelease",
            "reviewRelease", "addReleaseTrack", "reorderReleaseTracks", "moveReleaseTracks", "restoreReleaseTrackOrder");

    @Test
    void everyEndpointIsDocumentedWithItsErrors() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas", hasKey("ErrorEnvelope"))
                .body("components.securitySchemes", hasKey("apiKey"))
                .extract().jsonPath();
        // The Collections API and /admin answer in the envelope.
        Endpoints.ALL.stream().filter(endpoint -> endpoint.surface() != Endpoints.Surface.RELEASES).forEach(endpoint -> {
            String path = endpoint.path();
            String method = endpoint.method().toLowerCase(Locale.ROOT);
            Map<String, Object> responses = doc.getMap("paths.'" + path + "'." + method + ".responses");
            for (String status : List.of("400", "401", "404", "413", "415", "422", "500", "503")) {
                if (!responses.containsKey(status)) {
                    throw new AssertionError(method + " " + path + " does not document " + status);
                }
            }
        });
        given().accept("application/json").get("/q/openapi?format=json").then()
                .body("paths.'/v1/music/{organization_id}/collections/{collection_id}/order'.patch.requestBody.content"
                        + ".'application/json'.examples.reorder.value", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyReleaseEndpointIsDocumentedWithTheSeedsErrorResponses() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearerAuth.scheme", equalTo("bearer"))
                .body("components.responses.BadRequest.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/ReleasesError"))
                .extract().jsonPath();
        Endpoints.of(Endpoints.Surface.RELEASES).forEach(endpoint -> {
            String path = endpoint.path();
            String method = endpoint.method().toLowerCase(Locale.ROOT);
            String operation = "paths.'" + path + "'." + method;
            Map<String, Object> responses = doc.getMap(operation + ".responses");
            for (String status : List.of("400", "401", "404", "500", "503")) {
                if (!responses.containsKey(status)) {
                    throw new AssertionError(method + " " + path + " does not document " + status);
                }
            }
            assertEquals(List.of(Map.of("bearerAuth", List.of())), doc.getList(operation + ".security"), path);
        });
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
        String order = "paths.'/v1/music/{organization_id}/collections/{collection_id}/order";
        for (String change : List.of(order + "'.patch", order + "/moves'.post", order + "/restore'.post")) {
            assertEquals(List.of("If-Match"), doc.getList(change + ".parameters.findAll { it.in == 'header' }.name"));
            assertEquals("#/components/responses/Collections412", doc.getString(change + ".responses.'412'.$ref"));
            assertTrue(doc.getMap(change + ".responses.'200'.headers").containsKey("ETag"), change);
        }
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
                Map.entry("Collection.properties.name.maxLength", 512),
                Map.entry("Collection.properties.description.maxLength", 4096),
                Map.entry("Collection.properties.cover_track_id.maxLength", 128),
                Map.entry("Collection.properties.cover_image_url.maxLength", 1024),
                Map.entry("Track.properties.title.maxLength", 512),
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

    @Test
    void isOpenApi30WithAServer() {
        JsonNode doc = document();
        assertTrue(doc.path("openapi").asText().startsWith("3.0."), "OpenAPI 3.0, as the seed: " + doc.path("openapi"));
        assertFalse(doc.path("servers").isEmpty(), "servers");
    }

    @Test
    void everyOperationHasAUniqueIdASummaryAndItsPathParameters() {
        JsonNode doc = document();
        Set<String> ids = new HashSet<>();
        forEachOperation(doc, (path, item, method, operation) -> {
            String name = method + " " + path;
            String id = operation.path("operationId").asText();
            assertFalse(id.isBlank(), name + " has an operationId");
            assertTrue(ids.add(id), id + " is unique");
            assertFalse(operation.path("summary").asText().isBlank(), name + " has a summary");
            Set<String> declared = new TreeSet<>();
            Stream.concat(stream(item.path("parameters")), stream(operation.path("parameters")))
                    .map(parameter -> resolve(doc, parameter))
                    .filter(parameter -> parameter.path("in").asText().equals("path"))
                    .forEach(parameter -> declared.add(parameter.path("name").asText()));
            Set<String> inTemplate = new TreeSet<>();
            for (Matcher names = TEMPLATE.matcher(path); names.find();) {
                inTemplate.add(names.group(1));
            }
            assertEquals(inTemplate, declared, name + " declares its path parameters");
        });
        assertEquals(Endpoints.ALL.size(), ids.size(), "operations");
    }

    @Test
    void everyResponseHasABodySchemaAndTheHeadersTheServiceSends() {
        JsonNode doc = document();
        forEachOperation(doc,
                (path, item, method, operation) -> operation.path("responses").fields().forEachRemaining(entry -> {
                    String name = method + " " + path + " " + entry.getKey();
                    JsonNode response = resolve(doc, entry.getValue());
                    boolean beforeRouting = entry.getKey().equals("414") || entry.getKey().equals("431");
                    if (beforeRouting || entry.getKey().equals("304")) {
                        assertTrue(response.path("content").isMissingNode(), name + " has no body");
                    } else {
                        assertTrue(response.path("content").path("application/json").path("schema").size() > 0,
                                name + " has a schema");
                    }
                    assertEquals(!beforeRouting, response.path("headers").has("X-Request-Id"), name + " X-Request-Id");
                    boolean conditional = stream(operation.path("parameters"))
                            .anyMatch(parameter -> parameter.path("name").asText().matches("If-(None-)?Match"));
                    if (entry.getKey().matches("2..|304")) {
                        // Every read and every conditional change answers its ETag, but the DELETE of a collection
                        // or release, which leaves nothing to tag (removing a member answers its list's tag).
                        boolean removesMember = path.matches(".*/tracks/\\{[A-Za-z_]+}");
                        boolean deletesResource = method.equals("delete") && !removesMember;
                        if (method.equals("get") || (conditional && !deletesResource)) {
                            assertTrue(response.path("headers").has("ETag"), name + " ETag");
                        }
                        if (deletesResource) {
                            assertFalse(response.path("headers").has("ETag"), name + " has no ETag");
                        }
                    }
                    if (method.equals("get")) {
                        assertTrue(conditional, name + " takes If-None-Match");
                    }
                }));
    }

    @Test
    void requestBodiesAndQueryParametersSayWhatIsAccepted() {
        JsonNode doc = document();
        forEachOperation(doc, (path, item, method, operation) -> {
            String name = method + " " + path;
            JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
            if (!operation.path("requestBody").isMissingNode()) {
                List<JsonNode> parts = schemaParts(doc, body);
                assertTrue(parts.stream().anyMatch(part -> part.path("properties").size() > 0), name + " body has properties");
                if (WITH_REQUIRED_FIELDS.contains(operation.path("operationId").asText())) {
                    assertTrue(parts.stream().anyMatch(part -> part.path("required").size() > 0),
                            name + " body has required fields");
                }
            }
            stream(operation.path("parameters")).map(parameter -> resolve(doc, parameter))
                    .filter(parameter -> parameter.path("in").asText().equals("query")).forEach(parameter -> {
                        String query = name + " ?" + parameter.path("name").asText();
                        JsonNode schema = parameter.path("schema");
                        switch (schema.path("type").asText()) {
                            case "integer" -> assertTrue(schema.has("minimum") && schema.has("maximum"), query + " is bounded");
                            case "string" -> assertTrue(schema.has("enum") || schema.has("maxLength"), query + " is bounded");
                            default -> throw new AssertionError(query + " is typed: " + schema);
                        }
                    });
        });
    }

    @Test
    void noSchemaIsNamedAfterAJavaType() {
        Set<String> names = new TreeSet<>();
        document().path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        for (String javaType : List.of("JsonNode", "ObjectNode", "JsonNodeType", "Instant", "LocalDate", "UUID", "Object")) {
            assertFalse(names.contains(javaType), javaType);
        }
        names.forEach(name -> assertFalse(name.matches("(Reply|Page|List|RestResponse)[A-Z].*|.*View"), name));
    }

    /**
     * Nullable enums are written as the seed writes them: OpenAPI 3.0 tools read {@code nullable:
     * true} as adding null to the enum. One that lists null as well holds it twice for them, which
     * Prism rejects as an invalid schema, and then it silently validates nothing against it.
     */
    @Test
    void nullableEnumsAreWrittenAsTheSeedWritesThem() {
        List<JsonNode> enums = new ArrayList<>();
        collect(document(), node -> node.path("nullable").asBoolean() && node.has("enum"), enums);
        assertTrue(enums.size() >= 3, "explicit, format and type: " + enums);
        enums.forEach(node -> assertTrue(stream(node.path("enum")).noneMatch(JsonNode::isNull), "no null in " + node));
    }

    @Test
    void theSeedsPropertiesKeepTheirTypesAndNullability() throws IOException {
        JsonNode seed = new ObjectMapper(new YAMLFactory())
                .readTree(OpenApiTest.class.getResourceAsStream("/seeds/releases-openapi.yaml"));
        JsonNode doc = document();
        for (String schema : List.of("TrackOrderRequest", "ReleaseTrack", "ArtistReference", "Media")) {
            seed.path("components").path("schemas").path(schema).path("properties").fields().forEachRemaining(property -> {
                String name = schema + "." + property.getKey();
                JsonNode ours = resolve(doc, doc.path("components").path("schemas").path(schema).path("properties")
                        .path(property.getKey()));
                List<JsonNode> parts = schemaParts(doc, ours);
                assertTrue(parts.stream().anyMatch(part -> part.path("type").equals(property.getValue().path("type"))),
                        name + " is " + property.getValue().path("type") + ": " + ours);
                if (property.getValue().path("nullable").asBoolean()) {
                    assertTrue(parts.stream().anyMatch(part -> part.path("nullable").asBoolean()), name + " is nullable");
                }
            });
        }
    }

    @Test
    void everyExampleMatchesItsSchema() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI api = new OpenAPIV3Parser().readContents(given().get("/q/openapi?format=json").asString(), null, options)
                .getOpenAPI();
        SchemaValidator validator = new SchemaValidator(api, new MessageResolver(LevelResolver.create()
                .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build()));
        List<String> checked = new ArrayList<>();
        BiConsumer<String, Map.Entry<Object, Schema<?>>> check = (where, example) -> {
            // The validator reads a value for a string schema as the string itself, anything else as JSON.
            String json = example.getKey() instanceof JsonNode text && text.isTextual() ? text.textValue()
                    : Json.pretty(example.getKey());
            var report = validator.validate(json, example.getValue(), "example");
            assertFalse(report.hasErrors(), where + ": " + report.getMessages() + " in " + json);
            checked.add(where);
        };
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            List<MediaType> contents = new ArrayList<>();
            if (operation.getRequestBody() != null) {
                contents.addAll(operation.getRequestBody().getContent().values());
            }
            operation.getResponses().values().stream().filter(response -> response.getContent() != null)
                    .forEach(response -> contents.addAll(response.getContent().values()));
            for (MediaType content : contents) {
                if (content.getExample() != null) {
                    check.accept(method + " " + path, Map.entry(content.getExample(), content.getSchema()));
                }
                if (content.getExamples() != null) {
                    content.getExamples().values().forEach(example -> check.accept(method + " " + path,
                            Map.entry(example.getValue(), content.getSchema())));
                }
            }
        }));
        // Schema examples as written: the parser turns a date's example into a java.util.Date.
        JsonNode components = document().path("components");
        api.getComponents().getSchemas()
                .forEach((name, schema) -> schemaExamples(name, components.path("schemas").path(name), schema, check));
        api.getComponents().getParameters().forEach((name, parameter) -> schemaExamples(name,
                components.path("parameters").path(name).path("schema"), parameter.getSchema(), check));
        assertTrue(checked.size() >= 40, "examples checked: " + checked);
    }

    /** The {@code example} of a schema and of the schemas it is made of: as written, and as parsed to check it. */
    private static void schemaExamples(String where, JsonNode written, Schema<?> schema,
            BiConsumer<String, Map.Entry<Object, Schema<?>>> check) {
        if (schema == null) {
            return;
        }
        if (written.has("example")) {
            check.accept(where, Map.entry(written.get("example"), schema));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> schemaExamples(where + "." + name,
                    written.path("properties").path(name), property, check));
        }
        schemaExamples(where + "[]", written.path("items"), schema.getItems(), check);
        Map.of("allOf", nullToEmpty(schema.getAllOf()), "oneOf", nullToEmpty(schema.getOneOf()), "anyOf",
                nullToEmpty(schema.getAnyOf())).forEach((keyword, parts) -> {
                    for (int i = 0; i < parts.size(); i++) {
                        schemaExamples(where, written.path(keyword).path(i), parts.get(i), check);
                    }
                });
    }

    private static List<Schema> nullToEmpty(List<Schema> parts) {
        return parts == null ? List.of() : parts;
    }

    private interface OperationCheck {
        void check(String path, JsonNode item, String method, JsonNode operation);
    }

    private static JsonNode document() {
        try {
            return JSON.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forEachOperation(JsonNode doc, OperationCheck check) {
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!operation.getKey().equals("parameters")) {
                check.check(path.getKey(), path.getValue(), operation.getKey(), operation.getValue());
            }
        }));
    }

    /** A local {@code $ref} followed to what it names. */
    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode resolved = node;
        while (resolved.has("$ref")) {
            resolved = doc.at(resolved.path("$ref").asText().substring(1));
        }
        return resolved;
    }

    /** A schema and, through {@code allOf} and {@code oneOf}, the schemas it is made of or may be. */
    private static List<JsonNode> schemaParts(JsonNode doc, JsonNode schema) {
        JsonNode resolved = resolve(doc, schema);
        List<JsonNode> parts = new ArrayList<>(List.of(resolved));
        Stream.concat(stream(resolved.path("allOf")), stream(resolved.path("oneOf")))
                .forEach(part -> parts.addAll(schemaParts(doc, part)));
        return parts;
    }

    private static void collect(JsonNode node, Predicate<JsonNode> wanted, List<JsonNode> found) {
        if (wanted.test(node)) {
            found.add(node);
        }
        node.elements().forEachRemaining(child -> collect(child, wanted, found));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.elements().forEachRemaining(items::add);
        return items.stream();
    }
}
