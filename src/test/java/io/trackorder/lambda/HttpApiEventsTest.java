package io.trackorder.lambda;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import io.trackorder.lambda.HttpApiEvents.Reply;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * Both API surfaces through the AWS Lambda handler, as API Gateway's HTTP API calls it: payload
 * format 2.0 events in, response objects out, on the real database. Runs only with -Plambda.
 */
@QuarkusTest
class HttpApiEventsTest {

    private static final String REQUEST_ID = "[0-9a-f]{32}";

    @Test
    void aCollectionIsReadAndReorderedWithItsKey() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> tracks = caller.addNewTracks(collection, 3);
        Map<String, String> key = Map.of("X-API-Key", caller.apiKey());
        String members = caller.path("/collections/" + collection + "/tracks");

        Reply listed = HttpApiEvents.send("GET", members + "?limit=2", key, null);
        assertEquals(200, listed.status(), listed.body());
        assertThat(listed.header("Content-Type"), startsWith("application/json"));
        assertEquals("\"3\"", listed.header("ETag"));
        assertThat(listed.header("X-Request-Id"), matchesPattern(REQUEST_ID));
        assertEquals(tracks.subList(0, 2), listed.json().getList("items.track_id"));

        Reply reordered = HttpApiEvents.send("PATCH", caller.path("/collections/" + collection + "/order"),
                Map.of("X-API-Key", caller.apiKey(), "Content-Type", "application/json", "If-Match", "\"3\""),
                "{\"ordered_track_ids\": [\"" + tracks.get(2) + "\", \"" + tracks.get(0) + "\"]}");
        assertEquals(200, reordered.status(), reordered.body());
        assertEquals("{\"success\":true,\"id\":\"" + collection + "\",\"detail\":\"Collection reordered.\"}",
                reordered.body());
        assertEquals("\"4\"", reordered.header("ETag"));
        assertEquals(List.of(tracks.get(2), tracks.get(0), tracks.get(1)),
                TestDatabase.denseOrder(caller.organizationId(), collection));

        Reply unchanged = HttpApiEvents.send("GET", members, Map.of("X-API-Key", caller.apiKey(), "If-None-Match", "\"4\""),
                null);
        assertEquals(304, unchanged.status());
        assertEquals("", unchanged.body());
    }

    @Test
    void aBodyThatApiGatewayBase64EncodedIsReadAsSent() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> tracks = caller.addNewTracks(collection, 2);

        Reply reordered = HttpApiEvents.sendEncoded("PATCH", caller.path("/collections/" + collection + "/order"),
                Map.of("X-API-Key", caller.apiKey(), "Content-Type", "application/json"),
                "{\"ordered_track_ids\": [\"" + tracks.get(1) + "\"]}");
        assertEquals(200, reordered.status(), reordered.body());
        assertEquals(List.of(tracks.get(1), tracks.get(0)), TestDatabase.denseOrder(caller.organizationId(), collection));
    }

    @Test
    void collectionsErrorsComeInTheirEnvelope() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        caller.addNewTracks(collection, 2);
        String order = caller.path("/collections/" + collection + "/order");
        Map<String, String> json = Map.of("X-API-Key", caller.apiKey(), "Content-Type", "application/json");

        Reply invalid = HttpApiEvents.send("PATCH", order, json, "{\"ordered_track_ids\": \"not a list\"}");
        assertEquals(422, invalid.status(), invalid.body());
        assertThat(invalid.header("Content-Type"), startsWith("application/json"));
        assertEquals(false, invalid.json().getBoolean("success"));
        assertEquals("VALIDATION_ERROR", invalid.json().getString("error.code"));
        assertEquals("ordered_track_ids must be an array of track ids", invalid.json().getString("error.system_message"));
        assertThat(invalid.json().getString("error.trace_id"), matchesPattern(REQUEST_ID));

        Reply malformed = HttpApiEvents.send("PATCH", order, json, "{\"ordered_track_ids\": [");
        assertEquals(400, malformed.status(), malformed.body());
        assertEquals("INVALID_REQUEST", malformed.json().getString("error.code"));

        Reply stale = HttpApiEvents.send("PATCH", order,
                Map.of("X-API-Key", caller.apiKey(), "Content-Type", "application/json", "If-Match", "\"1\""),
                "{\"ordered_track_ids\": []}");
        assertEquals(412, stale.status(), stale.body());
        assertEquals("PRECONDITION_FAILED", stale.json().getString("error.code"));

        Reply anonymous = HttpApiEvents.send("GET", caller.path("/collections/" + collection), Map.of(), null);
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("AUTHENTICATION_REQUIRED", anonymous.json().getString("error.code"));
        assertEquals(2, TestDatabase.revision(caller.organizationId(), collection), "nothing was written");
    }

    @Test
    void aReleaseIsReorderedWithABearerToken() {
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(3);
        List<String> t = member.trackIds(release);

        Reply reordered = HttpApiEvents.send("POST", "/releases/" + release + "/tracks/reorder",
                Map.of("Authorization", "Bearer " + member.token(), "Content-Type", "application/json"),
                "{\"trackOrder\": [\"" + t.get(2) + "\", \"" + t.get(0) + "\"]}");
        assertEquals(200, reordered.status(), reordered.body());
        assertThat(reordered.header("Content-Type"), startsWith("application/json"));
        assertEquals(true, reordered.json().getBoolean("success"));
        assertEquals("Tracks reordered successfully", reordered.json().getString("message"));
        assertEquals(List.of(t.get(2), t.get(0), t.get(1)), reordered.json().getList("data.id"));
        assertEquals(List.of(1, 2, 3), reordered.json().getList("data.trackNumber"));

        Reply read = HttpApiEvents.send("GET", "/releases/" + release, Map.of("Authorization", "Bearer " + member.token()),
                null);
        assertEquals(200, read.status(), read.body());
        assertEquals(1, read.json().getInt("data.revision"));
        assertNotEquals(null, read.header("ETag"));
    }

    @Test
    void releasesErrorsComeInTheirFormat() {
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(2);
        String reorder = "/releases/" + release + "/tracks/reorder";

        Reply invalid = HttpApiEvents.send("POST", reorder,
                Map.of("Authorization", "Bearer " + member.token(), "Content-Type", "application/json"), "{}");
        assertEquals(400, invalid.status(), invalid.body());
        assertThat(invalid.header("Content-Type"), startsWith("application/json"));
        assertEquals("error", invalid.json().getString("status"));
        assertEquals("trackOrder must be an array of track ids", invalid.json().getString("message"));

        String expired = Jwt.issuer(Releases.ISSUER).subject(member.userId()).claim("activeWorkspace", member.workspace())
                .issuedAt(Instant.now().minusSeconds(1200)).expiresAt(Instant.now().minusSeconds(600)).sign();
        Reply refused = HttpApiEvents.send("POST", reorder,
                Map.of("Authorization", "Bearer " + expired, "Content-Type", "application/json"), "{\"trackOrder\": []}");
        assertEquals(401, refused.status(), refused.body());
        assertEquals("error", refused.json().getString("status"));
        assertThat(refused.body(), containsString("message"));
    }

    /** Readiness names database failures: it must never be reachable through API Gateway. */
    @Test
    void healthAndMetricsAreNotBehindTheFunction() {
        for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics")) {
            assertEquals(404, HttpApiEvents.send("GET", path, Map.of(), null).status(), path);
        }
    }
}
