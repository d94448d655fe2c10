package io.trackorder.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trackorder.support.Api;
import io.trackorder.support.RawHttp;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/** The documented limits (src/site/markdown/api.md), each at its edge: the limit is accepted, one more is refused. */
@QuarkusTest
class LimitsTest {

    private static final int MEBIBYTE = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    // ---- body size -------------------------------------------------------------------------

    @Test
    void aChunkedBodyOverOneMebibyteIs413InTheSurfacesFormat() throws Exception {
        Api.Caller caller = Api.newCaller();
        Releases.Member member = Releases.newMember();
        String body = "{\"name\": \"" + "x".repeat(MEBIBYTE) + "\"}";
        HttpResponse<String> collections = sendChunked("POST", caller.path("/collections"), body,
                Map.of("X-API-Key", caller.apiKey()));
        assertEquals(413, collections.statusCode(), collections.body());
        JsonNode envelope = JSON.readTree(collections.body());
        assertEquals("PAYLOAD_TOO_LARGE", envelope.at("/error/code").asText(), collections.body());
        assertEquals(collections.headers().firstValue("X-Request-Id").orElseThrow(), envelope.at("/error/trace_id").asText());

        HttpResponse<String> releases = sendChunked("POST", "/releases", body,
                Map.of("Authorization", "Bearer " + member.token()));
        assertEquals(413, releases.statusCode(), releases.body());
        assertEquals("error", JSON.readTree(releases.body()).path("status").asText(), releases.body());

        HttpResponse<String> admin = sendChunked("POST", "/admin/api-keys", body, Map.of("X-Admin-Token", Api.ADMIN_TOKEN));
        assertEquals(413, admin.statusCode(), admin.body());
        assertEquals("PAYLOAD_TOO_LARGE", JSON.readTree(admin.body()).at("/error/code").asText(), admin.body());

        caller.request().get(caller.path("/collections")).then().statusCode(200).body("items.size()", equalTo(0));
        member.request().get("/releases").then().statusCode(200).body("data.pagination.total", equalTo(0));
    }

    @Test
    void aChunkedBodyWithinTheLimitIsRead() throws Exception {
        Api.Caller caller = Api.newCaller();
        String description = "d".repeat(4096);
        String body = "{\"name\": \"chunked\", \"description\": \"" + description + "\"}";
        HttpResponse<String> created = sendChunked("POST", caller.path("/collections"), body,
                Map.of("X-API-Key", caller.apiKey()));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(description, JSON.readTree(created.body()).path("description").asText());
    }

    /** Sends a body of unknown length: HTTP/1.1 without Content-Length, so chunked. */
    private HttpResponse<String> sendChunked(String method, String path, String body,
            Map<String, String> headers) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---- JSON shape ------------------------------------------------------------------------

    /** {@code levels} objects inside each other: {@code {"a": {"a": 1}}} is 2. */
    private static String nested(int levels) {
        return "{\"a\": ".repeat(levels) + "1" + "}".repeat(levels);
    }

    @Test
    void jsonNestedDeeperThan32LevelsIs400() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        // Bodies read as typed records (new tracks, reorder, admin) refuse an object where a string belongs
        // before its depth matters; the property-based HostileInputTest covers them.
        for (Response response : List.of(
                caller.request().body("{\"name\": " + nested(32) + "}").post(caller.path("/collections")),
                caller.request().body("[" + nested(32) + "]").patch(caller.path("/collections/" + collection)))) {
            response.then().statusCode(400)
                    .body("error.code", equalTo("INVALID_REQUEST"))
                    .body("error.system_message", containsString("at most 32 levels of nesting"));
        }
        Releases.Member member = Releases.newMember();
        member.request().body("{\"title\": \"T\", \"displayArtist\": \"A\", \"metadata\": " + nested(32) + "}")
                .post("/releases").then().statusCode(400)
                .body("status", equalTo("error"))
                .body("message", containsString("at most 32 levels of nesting"));
        // The body object and 31 levels of metadata: 32 in all, which is allowed.
        member.request().body("{\"title\": \"T\", \"displayArtist\": \"A\", \"metadata\": " + nested(31) + "}")
                .post("/releases").then().statusCode(201);
        String release = member.newRelease(2);
        List<String> order = member.trackIds(release);
        member.request().body("{\"skipped\": " + nested(32) + ", \"trackOrder\": []}")
                .post("/releases/" + release + "/tracks/reorder").then().statusCode(400)
                .body("message", containsString("at most 32 levels of nesting"));
        assertEquals(order, TestDatabase.denseTrackNumbers(release));
        member.request().get("/releases").then().body("data.pagination.total", equalTo(2));
        caller.request().get(caller.path("/collections/" + collection)).then().body("name", equalTo("c"));
    }

    @Test
    void numbersOfMoreThanAThousandDigitsAre400() {
        Api.Caller caller = Api.newCaller();
        caller.request().body("{\"measured_duration_seconds\": " + "1".repeat(1001) + "}").post(caller.path("/tracks"))
                .then().statusCode(400).body("error.system_message", containsString("at most 1000 digits"));
        caller.request().get(caller.path("/tracks")).then().body("items.size()", equalTo(0));
    }

    @Test
    void aTrackDurationIsFiniteAndAtMostADay() {
        Api.Caller caller = Api.newCaller();
        for (String tooLong : List.of("1e400", "86400.5", "1e300")) {
            caller.request().body("{\"measured_duration_seconds\": " + tooLong + "}").post(caller.path("/tracks"))
                    .then().statusCode(422).body("error.details.field", equalTo("measured_duration_seconds"));
        }
        caller.request().body("{\"measured_duration_seconds\": 86400}").post(caller.path("/tracks"))
                .then().statusCode(201).body("measured_duration_seconds", equalTo(86400.0f));
    }

    // ---- ids -------------------------------------------------------------------------------

    @Test
    void idsOfMoreThan128CharactersNameNothing() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        String track = caller.newTrack();
        caller.add(collection, track);
        String longest = "a".repeat(128);
        String tooLong = "a".repeat(129);

        caller.request().body(Map.of("ordered_track_ids", List.of(tooLong)))
                .patch(caller.path("/collections/" + collection + "/order"))
                .then().statusCode(422)
                .body("error.details.field", equalTo("ordered_track_ids"))
                .body("error.details.max_length", equalTo(128));
        caller.request().body(Map.of("ordered_track_ids", List.of(longest)))
                .patch(caller.path("/collections/" + collection + "/order")).then().statusCode(200);
        caller.request().body(Map.of("track_id", tooLong)).post(caller.path("/collections/" + collection + "/tracks"))
                .then().statusCode(422).body("error.details.field", equalTo("track_id"));
        caller.request().body(Map.of("cover_track_id", tooLong)).patch(caller.path("/collections/" + collection))
                .then().statusCode(422).body("error.details.field", equalTo("cover_track_id"));

        caller.request().delete(caller.path("/collections/" + collection + "/tracks/" + tooLong))
                .then().statusCode(404).body("error.details.track_id", equalTo(tooLong));
        caller.request().delete(caller.path("/collections/" + collection + "/tracks/" + longest)).then().statusCode(200);
        caller.request().get(caller.path("/collections/" + tooLong)).then().statusCode(404);
        caller.request().get(caller.path("/tracks/" + tooLong)).then().statusCode(404);
        caller.request().delete(caller.path("/tracks/" + tooLong)).then().statusCode(404);
        assertEquals(List.of(track), TestDatabase.denseOrder(caller.organizationId(), collection));
        assertEquals(1, TestDatabase.revision(caller.organizationId(), collection), "only the add changed it");

        Releases.Member member = Releases.newMember();
        String release = member.newRelease(1);
        member.request().body(Map.of("trackOrder", List.of(tooLong))).post("/releases/" + release + "/tracks/reorder")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("trackOrder"))
                .body("message", containsString("more than 128 characters"));
        member.request().body(Map.of("title", "T")).put("/releases/" + release + "/tracks/" + tooLong)
                .then().statusCode(404);
        member.request().delete("/releases/" + release + "/tracks/" + tooLong).then().statusCode(404);
        member.request().get("/releases/" + tooLong).then().statusCode(404).body("status", equalTo("error"));
        assertEquals(1, TestDatabase.denseTrackNumbers(release).size());
    }

    // ---- strings and lists -----------------------------------------------------------------

    /** The field takes {@code max} characters and refuses {@code max + 1}, naming the field. */
    private static void assertMaxLength(String field, int max, Function<String, Response> send, int accepted,
            String errorField) {
        send.apply(text(max)).then().statusCode(accepted);
        Response refused = send.apply(text(max + 1));
        refused.then().statusCode(greaterThanOrEqualTo(400)).statusCode(lessThan(500)).body(errorField, equalTo(field));
    }

    private static String text(int length) {
        return "x".repeat(length);
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> body = new HashMap<>(base);
        body.put(field, value);
        return body;
    }

    @Test
    void everyCollectionsStringHasItsMaximumLength() {
        Api.Caller caller = Api.newCaller();
        String collections = caller.path("/collections");
        Map<String, Object> named = Map.of("name", "n");
        for (var limit : Map.of("name", 512, "description", 4096).entrySet()) {
            assertMaxLength(limit.getKey(), limit.getValue(),
                    value -> caller.request().body(with(named, limit.getKey(), value)).post(collections), 201,
                    "error.details.field");
        }
        assertMaxLength("cover_image_url", 1024, value -> caller.request()
                .body(with(named, "cover_image_url", "https://example.com/" + value.substring(20))).post(collections),
                201, "error.details.field");
        for (var limit : Map.of("title", 512, "engine", 256, "mode", 256).entrySet()) {
            assertMaxLength(limit.getKey(), limit.getValue(),
                    value -> caller.request().body(Map.of(limit.getKey(), value)).post(caller.path("/tracks")), 201,
                    "error.details.field");
        }
        assertMaxLength("name", 256, value -> Api.admin()
                .body(Map.of("organization_id", caller.organizationId(), "user_id", "usr_limits", "name", value))
                .post("/admin/api-keys"), 201, "error.details.field");
        for (String id : List.of("organization_id", "user_id")) {
            Map<String, Object> key = new HashMap<>(Map.of("organization_id", caller.organizationId(),
                    "user_id", "usr_limits", "name", "n"));
            assertMaxLength(id, 64, value -> Api.admin().body(with(key, id, value)).post("/admin/api-keys"), 201,
                    "error.details.field");
        }
    }

    @Test
    void everyReleasesStringAndListHasItsMaximum() {
        Releases.Member member = Releases.newMember();
        Map<String, Object> release = Map.of("title", "T", "displayArtist", "A");
        Map<String, Integer> releaseFields = Map.of("title", 512, "displayArtist", 512, "version", 256, "label", 512,
                "copyright", 512, "description", 4096);
        for (var limit : releaseFields.entrySet()) {
            assertMaxLength(limit.getKey(), limit.getValue(),
                    value -> member.request().body(with(release, limit.getKey(), value)).post("/releases"), 201,
                    "errors[0].field");
        }
        String target = member.newRelease(0);
        String tracks = "/releases/" + target + "/tracks";
        Map<String, Object> track = Map.of("title", "T");
        for (var limit : Map.of("title", 512, "version", 256, "displayArtist", 512, "lyrics", 65_536).entrySet()) {
            assertMaxLength(limit.getKey(), limit.getValue(),
                    value -> member.request().body(with(track, limit.getKey(), value)).post(tracks), 201,
                    "errors[0].field");
        }
        assertMaxLength("mainGenre", 256,
                value -> member.request().body(with(release, "mainGenre", List.of(value))).post("/releases"), 201,
                "errors[0].field");
        assertMaxLength("artists", 512,
                value -> member.request().body(with(release, "artists", Map.of(value, "primary"))).post("/releases"),
                201, "errors[0].field");
        member.request().body(with(track, "contributors", Map.of("producer", List.of(text(256))))).post(tracks)
                .then().statusCode(201);
        member.request().body(with(track, "contributors", Map.of("producer", List.of(text(257))))).post(tracks)
                .then().statusCode(400).body("message", containsString("1 to 256 characters"));
        Map<String, Function<Integer, Object>> lists = Map.of(
                "mainGenre", size -> Collections.nCopies(size, "Pop"),
                "subGenre", size -> Collections.nCopies(size, "Pop"),
                "artists", size -> numbered(size, i -> Map.of("artistName", "A" + i, "type", "primary")));
        for (var list : lists.entrySet()) {
            member.request().body(with(release, list.getKey(), list.getValue().apply(100))).post("/releases")
                    .then().statusCode(201);
            member.request().body(with(release, list.getKey(), list.getValue().apply(101))).post("/releases")
                    .then().statusCode(400).body("errors[0].field", equalTo(list.getKey()));
        }
        Map<String, Object> roles = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            roles.put("role" + i, List.of("Name"));
        }
        member.request().body(with(track, "contributors", roles)).post(tracks)
                .then().statusCode(400).body("errors[0].field", equalTo("contributors"));
    }

    @Test
    void reviewFeedbackHasItsMaximumLength() {
        Releases.Member owner = Releases.newMember();
        Releases.Member admin = owner.adminOfWorkspace();
        String release = owner.newRelease(1);
        owner.request().post("/releases/" + release + "/submit").then().statusCode(200);
        admin.request().body(Map.of("action", "reject", "feedback", text(4097))).post("/releases/" + release + "/review")
                .then().statusCode(400).body("errors[0].field", equalTo("feedback"));
        owner.request().get("/releases/" + release).then().body("data.status", equalTo("submitted"));
        admin.request().body(Map.of("action", "reject", "feedback", text(4096))).post("/releases/" + release + "/review")
                .then().statusCode(200).body("data.status", equalTo("rejected"));
    }

    private static List<Object> numbered(int size, Function<Integer, Object> item) {
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(item.apply(i));
        }
        return items;
    }

    // ---- query strings and headers ---------------------------------------------------------

    @Test
    void veryLongQueryStringsAndHeadersAreRefusedWithoutA5xx() {
        Api.Caller caller = Api.newCaller();
        Releases.Member member = Releases.newMember();
        // Just over the limits: the server refuses (and closes) only once it has read past them, so a
        // client still writing a much longer request could get a broken pipe instead of the answer.
        // Vert.x' HTTP codec answers these before any route runs, and Quarkus offers no hook for a body
        // or for the request id (api.md, Limits): the status is all there is.
        for (Response refused : List.of(caller.request().get(caller.path("/collections?limit=" + "9".repeat(4_500))),
                member.request().get("/releases?search=" + "s".repeat(4_500)))) {
            refused.then().statusCode(414).body(emptyString()).header(RequestIds.HEADER, nullValue());
        }
        caller.request().header("X-Padding", "p".repeat(21_000)).get(caller.path("/collections")).then().statusCode(431)
                .body(emptyString()).header(RequestIds.HEADER, nullValue());
        given().header("Authorization", "Bearer " + "t".repeat(15_000)).get("/releases").then().statusCode(401);
        caller.request().header("X-API-Key", "k".repeat(15_000)).get(caller.path("/collections")).then().statusCode(401);
        caller.request().get(caller.path("/collections?limit=" + "9".repeat(30))).then().statusCode(400)
                .body("error.details.parameter", equalTo("limit"));
        member.request().get("/releases?search=" + "s".repeat(257)).then().statusCode(400)
                .body("errors[0].field", equalTo("search"));
        member.request().get("/releases?page=" + "9".repeat(30)).then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }

    /**
     * A request target that is no URI (a broken percent escape) is refused by Quarkus before any route
     * runs, with a bare 400 (api.md, Limits). An escape that is well formed but no UTF-8 gets past
     * that check and is refused by the service, in the surface's format.
     */
    @Test
    void aBrokenPercentEscapeIsABare400AndInvalidUtf8TheSurfaces400() throws Exception {
        Api.Caller caller = Api.newCaller();
        for (String path : List.of("/releases/%zz", "/releases/a%", caller.path("/collections/%4"))) {
            RawHttp.Reply reply = RawHttp.send("GET", path, Map.of("X-API-Key", caller.apiKey()));
            assertEquals(400, reply.status(), path);
            assertEquals("", reply.body(), path);
            assertNull(reply.header(RequestIds.HEADER), path);
        }
        RawHttp.Reply releases = RawHttp.send("GET", "/releases/%ff", Map.of());
        assertEquals(400, releases.status(), releases.body());
        assertEquals("error", JSON.readTree(releases.body()).path("status").asText(), releases.body());
        RawHttp.Reply collections = RawHttp.send("GET", caller.path("/collections/%c3%28"),
                Map.of("X-API-Key", caller.apiKey()));
        assertEquals(400, collections.status(), collections.body());
        assertEquals(collections.header(RequestIds.HEADER), JSON.readTree(collections.body()).at("/error/trace_id").asText());
    }
}
