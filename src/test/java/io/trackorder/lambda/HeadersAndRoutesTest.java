package io.trackorder.lambda;

import static io.trackorder.lambda.SurfaceErrors.assertEnvelope;
import static io.trackorder.lambda.SurfaceErrors.assertReleasesError;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.errors.ErrorCode;
import io.trackorder.lambda.HttpApiEvents.Reply;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;

/**
 * Request ids, unknown routes, wrong methods, validators and repeated query parameters through the
 * Lambda handler: the same answers as over plain HTTP (ErrorFormatTest, ReleaseErrorFormatTest,
 * RoutesTest, the conditional request tests).
 */
@QuarkusTest
class HeadersAndRoutesTest {

    private static final String TRACE_ID = "[0-9a-f]{32}";

    @Test
    void aSafeRequestIdIsEchoedAnUnsafeOneReplacedAndAMissingOneMade() {
        Api.Caller caller = Api.newCaller();
        String collections = caller.path("/collections");

        Reply echoed = HttpApiEvents.send("GET", collections,
                Map.of("X-API-Key", caller.apiKey(), "X-Request-Id", "client-42.a_b"), null);
        assertEquals(200, echoed.status(), echoed.body());
        assertEquals("client-42.a_b", echoed.header("X-Request-Id"));
        Reply refused = HttpApiEvents.send("GET", collections, Map.of("X-Request-Id", "client-42"), null);
        assertEnvelope(refused, ErrorCode.AUTHENTICATION_REQUIRED);
        assertEquals("client-42", refused.header("X-Request-Id"));
        String longest = "x".repeat(128);
        assertEquals(longest, HttpApiEvents.send("GET", collections, Map.of("X-Request-Id", longest), null)
                .header("X-Request-Id"));

        for (String unsafe : List.of("has space", "x".repeat(129), "semi;colon", "slash/", "ünïcode", "quote\"")) {
            Reply replaced = HttpApiEvents.send("GET", collections, Map.of("X-Request-Id", unsafe), null);
            assertThat(unsafe, replaced.header("X-Request-Id"), matchesPattern(TRACE_ID));
            assertEquals(replaced.header("X-Request-Id"), replaced.json().getString("error.trace_id"));
        }

        String first = HttpApiEvents.send("GET", collections, Map.of("X-API-Key", caller.apiKey()), null)
                .header("X-Request-Id");
        String second = HttpApiEvents.send("GET", collections, Map.of("X-API-Key", caller.apiKey()), null)
                .header("X-Request-Id");
        assertThat(first, matchesPattern(TRACE_ID));
        assertNotEquals(first, second, "one per request");

        Releases.Member member = Releases.newMember();
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + member.token(), "X-Request-Id", "client-43");
        Reply releases = HttpApiEvents.send("GET", "/releases", bearer, null);
        assertEquals(200, releases.status(), releases.body());
        assertEquals("client-43", releases.header("X-Request-Id"));
        Reply missing = HttpApiEvents.send("GET", "/releases/" + UUID.randomUUID(), bearer, null);
        assertReleasesError(missing, 404);
        assertEquals("client-43", missing.header("X-Request-Id"));
    }

    @Test
    void unknownRoutesAre404InTheSurfacesFormat() {
        Api.Caller caller = Api.newCaller();
        assertEnvelope(HttpApiEvents.send("GET", "/nothing/here", Map.of(), null), ErrorCode.RESOURCE_NOT_FOUND);
        assertEnvelope(HttpApiEvents.send("GET", caller.path("/playlists"), Map.of("X-API-Key", caller.apiKey()), null),
                ErrorCode.RESOURCE_NOT_FOUND);
        assertReleasesError(HttpApiEvents.send("GET", "/releases/" + UUID.randomUUID() + "/no/such/thing", Map.of(), null),
                404);
    }

    @Test
    void aMethodTheRouteDoesNotTakeIs405WithAllowInTheSurfacesFormat() {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        Reply collections = HttpApiEvents.send("PUT", caller.path("/collections/" + collection),
                Map.of("X-API-Key", caller.apiKey(), "Content-Type", "application/json"), "{}");
        assertEnvelope(collections, ErrorCode.METHOD_NOT_ALLOWED);
        assertEquals("DELETE, GET, HEAD, OPTIONS, PATCH", collections.header("Allow"));

        Releases.Member member = Releases.newMember();
        Reply releases = HttpApiEvents.send("PATCH", "/releases",
                Map.of("Authorization", "Bearer " + member.token(), "Content-Type", "application/json"), "{}");
        assertReleasesError(releases, 405);
        assertEquals("GET, HEAD, OPTIONS, POST", releases.header("Allow"));
    }

    @Test
    void aReleaseChangeWithAStaleIfMatchIs412AndWritesNothing() {
        Releases.Member member = Releases.newMember();
        String release = "/releases/" + member.newRelease(1);
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + member.token());
        Reply read = HttpApiEvents.send("GET", release, bearer, null);
        assertEquals(200, read.status(), read.body());
        String etag = read.header("ETag");
        assertThat(etag, matchesPattern("\"\\d+\\.\\d+\""));

        Reply stale = HttpApiEvents.send("PUT", release, Map.of("Authorization", "Bearer " + member.token(),
                "Content-Type", "application/json", "If-Match", "\"99.99\""), "{\"title\": \"Stale\"}");
        assertReleasesError(stale, 412);
        Reply unchanged = HttpApiEvents.send("GET", release, Map.of("Authorization", "Bearer " + member.token(),
                "If-None-Match", etag), null);
        assertEquals(304, unchanged.status(), unchanged.body());
        assertEquals(etag, unchanged.header("ETag"));

        Reply changed = HttpApiEvents.send("PUT", release, Map.of("Authorization", "Bearer " + member.token(),
                "Content-Type", "application/json", "If-Match", etag), "{\"title\": \"Current\"}");
        assertEquals(200, changed.status(), changed.body());
        assertNotEquals(etag, changed.header("ETag"));
        assertEquals("Current", HttpApiEvents.send("GET", release, bearer, null).json().getString("data.title"));
    }

    /** The raw query string reaches the service as sent, so a repeated parameter's first value counts, as over HTTP. */
    @Test
    void aRepeatedPagingParameterIsReadAsOverHttp() {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> tracks = caller.addNewTracks(collection, 3);
        String members = caller.path("/collections/" + collection + "/tracks");
        Map<String, String> key = Map.of("X-API-Key", caller.apiKey());

        Reply once = HttpApiEvents.send("GET", members + "?limit=1&offset=1", key, null);
        assertEquals(200, once.status(), once.body());
        assertEquals(List.of(tracks.get(1)), once.json().getList("items.track_id"));
        Reply repeated = HttpApiEvents.send("GET", members + "?limit=1&offset=1&limit=2&offset=0", key, null);
        assertEquals(once.body(), repeated.body());
        assertEquals(once.header("ETag"), repeated.header("ETag"));
        assertEquals(200, HttpApiEvents.send("GET", members + "?limit=1&limit=x", key, null).status());
        assertEquals("limit",
                assertEnvelope(HttpApiEvents.send("GET", members + "?limit=x&limit=1", key, null), ErrorCode.INVALID_REQUEST)
                        .getString("error.details.parameter"));

        Releases.Member member = Releases.newMember();
        member.newRelease(1);
        member.newRelease(1);
        Reply releases = HttpApiEvents.send("GET", "/releases?limit=1&limit=50",
                Map.of("Authorization", "Bearer " + member.token()), null);
        assertEquals(200, releases.status(), releases.body());
        assertEquals(1, releases.json().getList("data.releases").size());
        assertEquals(2, releases.json().getInt("data.pagination.total"));
    }

    /**
     * Over HTTP, Vert.x' codec answers a request line over 4 KiB with a bare 414 and headers over
     * 20 KiB with a bare 431. An event has no request line to decode: API Gateway refuses more than
     * 10 KiB of request line and headers itself, and what gets through reaches the service, which
     * answers as for any other value (deployment.md, what differs).
     */
    @Test
    void aLongQueryOrHeaderIsTheServicesToAnswer() {
        Api.Caller caller = Api.newCaller();
        Map<String, String> key = Map.of("X-API-Key", caller.apiKey());
        Reply longQuery = HttpApiEvents.send("GET", caller.path("/collections?limit=" + "9".repeat(4_500)), key, null);
        assertEquals("limit", assertEnvelope(longQuery, ErrorCode.INVALID_REQUEST).getString("error.details.parameter"));
        Reply longHeader = HttpApiEvents.send("GET", caller.path("/collections"),
                Map.of("X-API-Key", caller.apiKey(), "X-Padding", "p".repeat(21_000)), null);
        assertEquals(200, longHeader.status(), longHeader.body());
    }
}
