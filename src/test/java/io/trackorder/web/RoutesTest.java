package io.trackorder.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trackorder.support.Api;
import io.trackorder.support.RawHttp;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * Every request is taken by the route its path names, and only by it: OPTIONS and 405 tell the
 * methods that route really takes, a route spelled another way is still that route's surface (its
 * credential and error format), and a path Quarkus REST would decode into another route is refused.
 */
@QuarkusTest
class RoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    /** A route's path (with ids) and the methods its endpoints take. */
    private record Route(String path, Set<String> methods) {

        boolean releases() {
            return path.startsWith("/releases");
        }

        /** HEAD goes with GET; OPTIONS is answered everywhere. */
        String allow() {
            Set<String> allowed = new TreeSet<>(methods);
            if (methods.contains("GET")) {
                allowed.add("HEAD");
            }
            allowed.add("OPTIONS");
            return String.join(", ", allowed);
        }
    }

    private Api.Caller caller;
    private Releases.Member owner;

    @BeforeEach
    void callers() {
        caller = Api.newCaller();
        owner = Releases.newMember();
    }

    private List<Route> routes() {
        String org = "/v1/music/" + caller.organizationId();
        String collection = org + "/collections/mcoll_000000000000";
        String release = "/releases/00000000-0000-0000-0000-000000000000";
        return List.of(
                new Route(org + "/tracks", Set.of("GET", "POST")),
                new Route(org + "/tracks/mtrack_000000000000", Set.of("GET", "DELETE")),
                new Route(org + "/collections", Set.of("GET", "POST")),
                new Route(collection, Set.of("GET", "PATCH", "DELETE")),
                new Route(collection + "/tracks", Set.of("GET", "POST")),
                new Route(collection + "/tracks/mtrack_000000000000", Set.of("DELETE")),
                new Route(collection + "/order", Set.of("PATCH")),
                new Route(collection + "/order/moves", Set.of("POST")),
                new Route(collection + "/order/history", Set.of("GET")),
                new Route(collection + "/order/history/1", Set.of("GET")),
                new Route(collection + "/order/restore", Set.of("POST")),
                new Route("/releases", Set.of("GET", "POST")),
                new Route(release, Set.of("GET", "PUT", "DELETE")),
                new Route(release + "/submit", Set.of("POST")),
                new Route(release + "/review", Set.of("POST")),
                new Route(release + "/tracks", Set.of("GET", "POST")),
                new Route(release + "/tracks/11111111-1111-1111-1111-111111111111", Set.of("PUT", "DELETE")),
                // "reorder" is also a {trackId}: PUT and DELETE take it as a track id.
                new Route(release + "/tracks/reorder", Set.of("POST", "PUT", "DELETE")),
                new Route("/admin/api-keys", Set.of("POST")),
                new Route("/admin/api-keys/akid_0000000000000000", Set.of("DELETE")));
    }

    private RequestSpecification withEveryCredential() {
        return given().header("X-API-Key", caller.apiKey()).header("X-Admin-Token", Api.ADMIN_TOKEN)
                .auth().oauth2(owner.token());
    }

    @Test
    void optionsAnswersTheMethodsOfTheRoute() {
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            Response response = given().options(route.path());
            if (response.statusCode() != 200 || !route.allow().equals(response.header("Allow"))
                    || response.header(RequestIds.HEADER) == null || !response.asString().isEmpty()) {
                failures.add("OPTIONS " + route.path() + ": " + response.statusCode() + " Allow: " + response.header("Allow")
                        + ", expected " + route.allow() + " " + response.asString());
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void aMethodTheRouteDoesNotTakeIs405WithAllowInTheSurfacesFormat() throws Exception {
        List<String> rows = TestDatabase.rows(caller.organizationId(), owner.workspace());
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Route route : routes()) {
            for (String method : METHODS) {
                boolean allowed = route.methods().contains(method) || method.equals("HEAD") && route.methods().contains("GET");
                if (allowed) {
                    continue;
                }
                cells++;
                Response response = withEveryCredential().contentType("application/json").body("{}")
                        .request(method, route.path());
                String problem = notA405(route, method, response);
                if (problem != null) {
                    failures.add(method + " " + route.path() + ": " + problem);
                }
            }
        }
        assertTrue(cells > 50, "checked " + cells);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(rows, TestDatabase.rows(caller.organizationId(), owner.workspace()));
    }

    private static String notA405(Route route, String method, Response response) throws Exception {
        if (response.statusCode() != 405) {
            return "status " + response.statusCode() + " " + response.asString();
        }
        if (!route.allow().equals(response.header("Allow"))) {
            return "Allow: " + response.header("Allow") + ", expected " + route.allow();
        }
        String requestId = response.header(RequestIds.HEADER);
        if (requestId == null) {
            return "no X-Request-Id";
        }
        if (method.equals("HEAD")) {
            return null;
        }
        JsonNode body = JSON.readTree(response.asString());
        boolean format = route.releases()
                ? body.path("status").asText().equals("error") && body.path("message").asText().contains(method)
                        && !body.has("success")
                : body.at("/error/code").asText().equals("METHOD_NOT_ALLOWED") && body.at("/error/status").asInt() == 405
                        && body.at("/error/trace_id").asText().equals(requestId);
        return format ? null : "not the surface's 405: " + body;
    }

    /** A path that is a route's under another spelling is that route's: its credential and its error format. */
    @Test
    void aRouteSpelledAnotherWayKeepsItsSurface() throws Exception {
        String org = "/v1/music/" + caller.organizationId();
        for (String releases : List.of("//releases", "/%72eleases", "/releases/")) {
            RawHttp.Reply anonymous = RawHttp.send("GET", releases, Map.of());
            assertEquals(401, anonymous.status(), releases);
            assertEquals("error", JSON.readTree(anonymous.body()).path("status").asText(), releases + ": " + anonymous.body());
            assertEquals(200, RawHttp.send("GET", releases, Map.of("Authorization", "Bearer " + owner.token())).status());
        }
        for (String collections : List.of(org + "/%63ollections", "/v1/music/" + caller.organizationId() + "/collections/")) {
            RawHttp.Reply anonymous = RawHttp.send("GET", collections, Map.of());
            assertEquals(401, anonymous.status(), collections);
            assertEquals("AUTHENTICATION_REQUIRED", JSON.readTree(anonymous.body()).at("/error/code").asText(),
                    anonymous.body());
            assertEquals(200, RawHttp.send("GET", collections, Map.of("X-API-Key", caller.apiKey())).status());
        }
        RawHttp.Reply admin = RawHttp.send("POST", "/%61dmin/api-keys", Map.of(), "{}");
        assertEquals(401, admin.status(), admin.body());
        assertEquals("AUTHENTICATION_REQUIRED", JSON.readTree(admin.body()).at("/error/code").asText());
    }

    /**
     * With a matrix parameter anywhere, Quarkus REST decodes the whole path again before routing, so
     * an {@code %2F} inside an id would become a separator and the request another route's.
     */
    @Test
    void aPathWithMatrixParametersIsRefused() throws Exception {
        String collection = caller.newCollection();
        String track = caller.newTrack();
        caller.add(collection, track);
        List<String> rows = TestDatabase.rows(caller.organizationId(), owner.workspace());
        Map<String, String> key = Map.of("X-API-Key", caller.apiKey());
        for (String path : List.of(caller.path("/collections;v=1/" + collection + "%2Ftracks%2F" + track),
                caller.path("/collections/" + collection + ";v=1"),
                "/v1/music;v=1/" + caller.organizationId() + "/collections")) {
            RawHttp.Reply reply = RawHttp.send("DELETE", path, key);
            assertEquals(400, reply.status(), path + ": " + reply.body());
            JsonNode error = JSON.readTree(reply.body()).path("error");
            assertEquals("INVALID_REQUEST", error.path("code").asText());
            assertTrue(error.path("system_message").asText().contains("matrix parameters"), reply.body());
            assertEquals(reply.header(RequestIds.HEADER), error.path("trace_id").asText());
        }
        RawHttp.Reply releases = RawHttp.send("GET", "/releases;v=1", Map.of("Authorization", "Bearer " + owner.token()));
        assertEquals(400, releases.status(), releases.body());
        assertTrue(JSON.readTree(releases.body()).path("message").asText().contains("matrix parameters"), releases.body());
        assertEquals(rows, TestDatabase.rows(caller.organizationId(), owner.workspace()));
        assertEquals(List.of(track), caller.order(collection));
        // A ';' that belongs to an id is sent encoded, and is just part of the id.
        assertEquals(404, RawHttp.send("GET", caller.path("/collections/a%3Bb"), key).status());
    }
}
