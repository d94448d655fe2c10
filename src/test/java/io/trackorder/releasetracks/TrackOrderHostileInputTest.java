package io.trackorder.releasetracks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trackorder.support.Garbage;
import io.trackorder.support.Releases;

/**
 * Hostile values in every place the move, history and restore routes read one: each is a 4xx in
 * the Releases API's error format that shows nothing of the service's insides, and writes nothing.
 */
@QuarkusTest
class TrackOrderHostileInputTest {

    private static final Pattern INTERNALS = Pattern.compile("Exception|\\bat (io|org|java)\\.|java\\.|jakarta\\.|"
            + "org\\.hibernate|io\\.vertx|io\\.quarkus|SQLSTATE|SELECT |UPDATE |INSERT |WITH |release_tracks|"
            + "release_order_history|\\?\\d|unnest|com\\.fasterxml");
    private static final List<String> HOSTILE = List.of("' OR '1'='1", "1; DROP TABLE release_tracks;--",
            "\") OR 1=1 --", "'::uuid); DELETE FROM release_order_history; --", "00000000-0000-0000-0000-00000000000'",
            "\u0000", "nul\u0000byte", "../../admin/api-keys", "%00", "${jndi:ldap://x/a}", "\u202Eevil", "日本語",
            "<script>alert(1)</script>", "\r\nX-Injected: 1", "x".repeat(1000), "NaN", "-0", "1e999",
            "{00000000-0000-0000-0000-000000000000}", "00000000000000000000000000000000");

    private final Releases.Member owner = Releases.newMember();
    private final TrackOrders orders = new TrackOrders(owner);

    @Test
    void hostileIdsAnchorsAndNumbersInAMoveAreRefusedPlainly() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        Map<Object, String> bodies = new LinkedHashMap<>();
        for (String hostile : HOSTILE) {
            bodies.put(Map.of("trackIds", List.of(hostile), "beforeTrackId", t.get(0)), hostile);
            bodies.put(Map.of("trackIds", List.of(t.get(1), hostile), "afterTrackId", t.get(0)), hostile);
            bodies.put(Map.of("trackIds", List.of(t.get(1)), "afterTrackId", hostile), hostile);
            bodies.put(Map.of("rangeStart", hostile, "insertBefore", 0), hostile);
        }
        bodies.put("[".repeat(500) + "]".repeat(500), "");
        bodies.put("{\"a\":".repeat(500) + "1" + "}".repeat(500), "");
        bodies.put("{\"rangeStart\": 0, \"insertBefore\": 1" + "0".repeat(10_000) + "}", "");
        bodies.put("{\"rangeStart\": 1e400, \"insertBefore\": -1e400}", "");
        bodies.put("{\"trackIds\": [\"" + t.get(1) + "\"], \"afterTrackId\": \"" + t.get(0) + "\", \"afterTrackId\": 1}",
                "");
        // Any write raises the revision: one comparison over all the requests catches it.
        orders.assertWritesNothing(release, () -> bodies.forEach((body, hostile) -> assertPlainRefusal(
                owner.request().body(body).post(TrackOrders.path(release, "/move")), hostile)));
    }

    @Test
    void hostileRevisionsAndPagesAreRefusedPlainly() {
        String release = owner.newRelease(2);
        orders.assertWritesNothing(release, () -> {
            for (String hostile : HOSTILE) {
                String encoded = URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20");
                assertPlainRefusal(owner.request().body(Map.of("revision", hostile))
                        .post(TrackOrders.path(release, "/restore")), hostile);
                assertPlainRefusal(raw("/history/" + encoded, release), hostile);
                assertPlainRefusal(raw("/history?page=" + encoded, release), hostile);
                assertPlainRefusal(raw("/history?limit=" + encoded, release), hostile);
            }
            assertPlainRefusal(owner.request().body("{\"revision\": " + "9".repeat(10_000) + "}")
                    .post(TrackOrders.path(release, "/restore")), "");
        });
    }

    @Test
    void hostileReleaseIdsAreRefusedPlainly() {
        for (String hostile : HOSTILE) {
            String encoded = URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20").replace(".", "%2E");
            for (String route : List.of("/move", "/restore", "/history", "/history/0")) {
                String path = "/releases/" + encoded + "/tracks" + route;
                var request = given().urlEncodingEnabled(false).auth().oauth2(owner.token()).contentType("application/json");
                Response response = route.startsWith("/history") ? request.get(path)
                        : request.body(route.equals("/move") ? "{\"rangeStart\": 0, \"insertBefore\": 1}" : "{\"revision\": 0}")
                                .post(path);
                assertPlainRefusal(response, hostile);
            }
        }
    }

    private Response raw(String route, String release) {
        return given().urlEncodingEnabled(false).auth().oauth2(owner.token())
                .get(TrackOrders.path(release, route));
    }

    /** A 4xx in the surface's format that shows no internals, beyond the hostile value the request itself sent. */
    private static void assertPlainRefusal(Response response, String hostile) {
        String body = response.asString();
        String context = hostile + " → " + response.statusCode() + " " + body;
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, context);
        String quoted = Garbage.quote(hostile);
        String own = body;
        if (!hostile.isEmpty()) {
            for (String echo : List.of(quoted.substring(1, quoted.length() - 1), hostile.toLowerCase(Locale.ROOT))) {
                own = own.replace(echo, "");
            }
        }
        assertFalse(INTERNALS.matcher(own).find(), context);
        response.then().body("status", equalTo("error"));
        assertFalse(response.path("message").toString().isBlank(), context);
    }
}
