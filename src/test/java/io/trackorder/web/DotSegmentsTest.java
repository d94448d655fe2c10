package io.trackorder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.trackorder.support.Api;
import io.trackorder.support.RawHttp;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/**
 * A path with a {@code .} or {@code ..} segment, in any spelling and position, is refused with 400 in
 * its surface's format on every route and method, over HTTP/1.1 and HTTP/2, and changes nothing. The
 * requests go out byte for byte (a socket, Vert.x' client): ordinary HTTP clients resolve {@code ..}
 * before sending, which would hide the problem. Each 400 must name the dot segment, which also proves
 * the server saw the path unresolved.
 */
@QuarkusTest
class DotSegmentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** Every spelling of a dot segment: literal, percent-encoded in either case, and mixed. */
    private static final List<String> SPELLINGS = List.of("..", "%2e%2e", "%2E%2E", "%2e%2E", ".%2e", ".%2E", "%2e.", "%2E.",
            ".", "%2e", "%2E");
    /** Fewer spellings where the segment goes inside the path, one of each kind. */
    private static final List<String> INNER_SPELLINGS = List.of("..", "%2E%2E", ".%2e", "%2e");

    @Inject
    Vertx vertx;

    private Victim victim;

    @BeforeEach
    void victim() {
        victim = new Victim();
    }

    @Test
    void everyRouteAndMethodRefusesEveryDotSegmentOverHttp1() throws Exception {
        List<String> failures = new ArrayList<>();
        int requests = 0;
        List<String> rows = victim.rows();
        for (String path : victim.routePaths()) {
            for (String method : METHODS) {
                for (String dotted : dottedVariants(path)) {
                    requests++;
                    RawHttp.Reply reply = RawHttp.send(method, dotted, victim.credentials(), body(method));
                    String problem = problem(method, dotted, reply.status(), reply.header(RequestIds.HEADER), reply.body());
                    if (problem != null) {
                        failures.add(method + " " + dotted + ": " + problem);
                    }
                }
                rows = unchanged(rows, method + " on " + path, failures);
            }
        }
        assertTrue(requests > 4000, "sent " + requests);
        assertTrue(failures.isEmpty(),
                failures.size() + " of " + requests + " requests failed:\n" + String.join("\n", first(failures)));
    }

    @Test
    void everyRouteAndMethodRefusesEveryDotSegmentOverHttp2() throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false) // h2c with prior knowledge: every request is an HTTP/2 stream
                .setDefaultHost(java.net.URI.create(RestAssured.baseURI).getHost())
                .setDefaultPort(RestAssured.port));
        Context context = vertx.getOrCreateContext();
        try {
            List<String> failures = new ArrayList<>();
            int requests = 0;
            List<String> rows = victim.rows();
            for (String path : victim.routePaths()) {
                for (String method : METHODS) {
                    for (String spelling : SPELLINGS) {
                        for (String dotted : List.of(path + "/" + spelling, path + "/" + spelling + "/")) {
                            requests++;
                            H2Reply reply = sendH2(client, context, method, dotted, body(method));
                            String problem = reply.version() != HttpVersion.HTTP_2 ? "answered over " + reply.version()
                                    : problem(method, dotted, reply.status(), reply.requestId(), reply.body());
                            if (problem != null) {
                                failures.add(method + " " + dotted + ": " + problem);
                            }
                        }
                    }
                    rows = unchanged(rows, method + " on " + path, failures);
                }
            }
            assertTrue(requests > 2000, "sent " + requests);
            assertTrue(failures.isEmpty(),
                    failures.size() + " of " + requests + " requests failed:\n" + String.join("\n", first(failures)));
        } finally {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The destructive requests first seen on the landed build, exactly as they were sent. */
    @Test
    void theReportedRequestsAreRefusedAndChangeNothing() throws Exception {
        String org = "/v1/music/" + victim.caller.organizationId();
        String collection = org + "/collections/" + victim.collection;
        String release = "/releases/" + victim.release;
        List<String[]> requests = List.of(
                new String[] { "DELETE", collection + "/tracks/%2e%2e" },
                new String[] { "DELETE", collection + "/tracks/%2e%2e/%2e%2e/%2e%2e/tracks/" + victim.track },
                new String[] { "GET", collection + "/tracks/%2E%2E" },
                new String[] { "DELETE", release + "/tracks/%2e%2e" },
                new String[] { "DELETE", release + "/%2e%2e/" + victim.secondRelease },
                new String[] { "PUT", release + "/tracks/%2e%2e" },
                new String[] { "POST", release + "/tracks/%2e%2e/submit" });
        List<String> rows = victim.rows();
        for (String[] request : requests) {
            RawHttp.Reply reply = RawHttp.send(request[0], request[1], victim.credentials(), body(request[0]));
            assertEquals(null, problem(request[0], request[1], reply.status(), reply.header(RequestIds.HEADER), reply.body()),
                    request[0] + " " + request[1]);
        }
        assertEquals(rows, victim.rows());
        // The data is still there, unchanged, under its own paths.
        Api.Caller caller = victim.caller;
        caller.request().get(caller.path("/collections/" + victim.collection)).then().statusCode(200);
        assertEquals(List.of(victim.track, victim.secondTrack), caller.order(victim.collection));
        victim.owner.request().get(release).then().statusCode(200);
        victim.owner.request().get("/releases/" + victim.secondRelease).then().statusCode(200);
    }

    /** A client that sends the path well-formed still reaches its route. */
    @Test
    void pathsWithoutDotSegmentsStillWork() throws Exception {
        String collection = victim.caller.path("/collections/" + victim.collection);
        assertEquals(200, RawHttp.send("GET", collection, victim.credentials()).status());
        assertEquals(200, RawHttp.send("GET", collection + "/", victim.credentials()).status());
        // Dots inside a segment are not dot segments: an id of that shape is just not found.
        for (String id : List.of("...", "a..", "..a", ".a", "%2e%2e%2e", "%2e%2ea")) {
            RawHttp.Reply reply = RawHttp.send("GET", victim.caller.path("/collections/" + id), victim.credentials());
            assertEquals(404, reply.status(), id + ": " + reply.body());
        }
        assertEquals(404, RawHttp.send("GET", "/releases/" + "%2e%2e%2e", victim.credentials()).status());
    }

    /** Percent escapes that are well formed but decode to no UTF-8 are refused, in the surface's format. */
    @Test
    void aPathThatIsNotUtf8IsRefusedInTheSurfacesFormat() throws Exception {
        List<String> rows = victim.rows();
        RawHttp.Reply collections = RawHttp.send("DELETE",
                victim.caller.path("/collections/" + victim.collection + "%ff"), victim.credentials());
        assertEquals(400, collections.status(), collections.body());
        JsonNode envelope = JSON.readTree(collections.body());
        assertEquals("INVALID_REQUEST", envelope.at("/error/code").asText());
        assertEquals("The path is not valid percent-encoded UTF-8", envelope.at("/error/system_message").asText());
        assertEquals(collections.header(RequestIds.HEADER), envelope.at("/error/trace_id").asText());
        RawHttp.Reply releases = RawHttp.send("DELETE", "/releases/" + victim.release + "%e2%28", victim.credentials());
        assertEquals(400, releases.status(), releases.body());
        assertEquals("The path is not valid percent-encoded UTF-8", JSON.readTree(releases.body()).path("message").asText());
        assertEquals(rows, victim.rows());
    }

    /** The path with one dot segment in every place: at the end (with and without a slash), inside, and after a made-up id. */
    private static List<String> dottedVariants(String path) {
        List<String> variants = new ArrayList<>();
        for (String spelling : SPELLINGS) {
            variants.add(path + "/" + spelling);
            variants.add(path + "/" + spelling + "/");
            variants.add(path + "/x/" + spelling); // resolves back to the route itself
        }
        List<String> segments = Arrays.asList(path.substring(1).split("/"));
        for (int at = 0; at < segments.size(); at++) {
            String before = "/" + String.join("/", segments.subList(0, at));
            String after = String.join("/", segments.subList(at, segments.size()));
            for (String spelling : INNER_SPELLINGS) {
                variants.add((at == 0 ? "" : before) + "/" + spelling + "/" + after);
            }
        }
        return variants;
    }

    private static String body(String method) {
        return switch (method) {
            case "POST", "PUT" -> "{\"title\": \"stolen\"}";
            case "PATCH" -> "{\"name\": \"stolen\"}";
            default -> null;
        };
    }

    /** What is wrong with the answer to a dotted path; null when it is the surface's 400. */
    private static String problem(String method, String path, int status, String requestId, String body) throws Exception {
        if (status != 400) {
            return "status " + status + ": " + abbreviated(body);
        }
        if (requestId == null || requestId.isBlank()) {
            return "no X-Request-Id";
        }
        if (method.equals("HEAD")) {
            return body.isEmpty() ? null : "a body on HEAD";
        }
        JsonNode json = JSON.readTree(body);
        // The surface the client addressed: a path that starts with a dot segment names none, and gets the envelope.
        if (path.startsWith("/releases")) {
            boolean releasesFormat = json.path("status").asText().equals("error") && !json.has("success")
                    && json.path("message").asText().contains("'.' or '..'");
            return releasesFormat ? null : "not the Releases API's 400: " + abbreviated(body);
        }
        JsonNode error = json.path("error");
        boolean envelope = json.path("success").isBoolean() && !json.path("success").asBoolean()
                && error.path("code").asText().equals("INVALID_REQUEST") && error.path("status").asInt() == 400
                && error.path("trace_id").asText().equals(requestId)
                && error.path("system_message").asText().contains("'.' or '..'");
        return envelope ? null : "not the envelope's INVALID_REQUEST: " + abbreviated(body);
    }

    private List<String> unchanged(List<String> rows, String after, List<String> failures) throws Exception {
        List<String> now = victim.rows();
        if (!now.equals(rows)) {
            failures.add(after + " changed rows:\n  before " + rows + "\n  after  " + now);
        }
        return now;
    }

    private record H2Reply(HttpVersion version, int status, String requestId, String body) {
    }

    private H2Reply sendH2(HttpClient client, Context context, String method, String path, String body) throws Exception {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setURI(path);
        victim.credentials().forEach(options::putHeader);
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        CompletableFuture<H2Reply> reply = new CompletableFuture<>();
        // On the client's event loop: asked from a test thread, a short response can end before its body is asked for.
        context.runOnContext(ignored -> client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(content -> new H2Reply(response.version(), response.statusCode(),
                        response.getHeader(RequestIds.HEADER), content.toString())))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        reply.complete(result.result());
                    } else {
                        reply.completeExceptionally(result.cause());
                    }
                }));
        return reply.get(30, TimeUnit.SECONDS);
    }

    private static List<String> first(List<String> failures) {
        return failures.subList(0, Math.min(40, failures.size()));
    }

    private static String abbreviated(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /**
     * Data on every surface that a rerouted request could change: a collection of two tracks, a
     * second API key, two draft releases of two tracks and a submitted one, all owned by the caller,
     * who sends every credential with every request (API key, a workspace admin's bearer token, the
     * admin token), so a rerouted request would be allowed to do harm.
     */
    static final class Victim {

        final Api.Caller caller = Api.newCaller();
        final Releases.Member owner = Releases.newMember().adminOfWorkspace();
        final String track = caller.newTrack();
        final String secondTrack = caller.newTrack();
        final String collection = caller.newCollection();
        final String keyId;
        final String release = owner.newRelease(2);
        final String secondRelease = owner.newRelease(2);
        final String submitted = owner.newRelease(1);
        final String releaseTrack;
        private final Map<String, String> credentials = new LinkedHashMap<>();

        Victim() {
            caller.add(collection, track);
            caller.add(collection, secondTrack);
            keyId = Api.admin().body(Map.of("organization_id", caller.organizationId(), "user_id", caller.userId(),
                    "name", "second")).post("/admin/api-keys").then().statusCode(201).extract().path("id");
            owner.request().post("/releases/" + submitted + "/submit").then().statusCode(200);
            releaseTrack = owner.trackIds(release).get(0);
            credentials.put("X-API-Key", caller.apiKey());
            credentials.put("Authorization", "Bearer " + owner.token());
            credentials.put("X-Admin-Token", Api.ADMIN_TOKEN);
        }

        /** The path of every route of the three surfaces, with this victim's ids. */
        List<String> routePaths() {
            String org = "/v1/music/" + caller.organizationId();
            String collectionPath = org + "/collections/" + collection;
            return List.of(org + "/tracks", org + "/tracks/" + track, org + "/collections", collectionPath,
                    collectionPath + "/tracks", collectionPath + "/tracks/" + track, collectionPath + "/order",
                    collectionPath + "/order/moves", collectionPath + "/order/history",
                    collectionPath + "/order/history/1", collectionPath + "/order/restore",
                    "/releases", "/releases/" + release, "/releases/" + release + "/submit",
                    "/releases/" + submitted + "/review", "/releases/" + release + "/tracks",
                    "/releases/" + release + "/tracks/" + releaseTrack, "/releases/" + release + "/tracks/reorder",
                    "/admin/api-keys", "/admin/api-keys/" + keyId);
        }

        Map<String, String> credentials() {
            return credentials;
        }

        List<String> rows() throws Exception {
            return TestDatabase.rows(caller.organizationId(), owner.workspace());
        }
    }
}
