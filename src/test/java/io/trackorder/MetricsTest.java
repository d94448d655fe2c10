package io.trackorder;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Api;
import io.trackorder.support.Management;
import io.trackorder.support.RawHttp;
import io.trackorder.support.Releases;

/**
 * The Prometheus scrape at {@code /q/metrics} on the management interface: reorder meters per surface and outcome, and HTTP
 * server metrics by route template. The application is shared with other test classes, so every
 * count is compared with a scrape taken before.
 */
@QuarkusTest
class MetricsTest {

    private static final String DURATION_COUNT = "trackorder_reorder_duration_seconds_count";
    private static final String DURATION_SUM = "trackorder_reorder_duration_seconds_sum";
    private static final String IDS_COUNT = "trackorder_reorder_requested_ids_count";
    private static final String IDS_SUM = "trackorder_reorder_requested_ids_sum";
    private static final String IDS_BUCKET = "trackorder_reorder_requested_ids_bucket";
    private static final String HTTP_COUNT = "http_server_requests_seconds_count";

    @Test
    void reordersAreTimedAndSizedPerSurfaceAndOutcome() {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> added = caller.addNewTracks(collection, 2);
        String a = added.get(0);
        String b = added.get(1);
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(3);
        List<String> releaseTracks = member.trackIds(release);

        Scrape before = Scrape.now();
        caller.request().body(Map.of("ordered_track_ids", List.of(b, a)))
                .patch(caller.path("/collections/" + collection + "/order")).then().statusCode(200);
        caller.request().body(Map.of("ordered_track_ids", List.of(a)))
                .patch(caller.path("/collections/mcoll_000000000000/order")).then().statusCode(404);
        member.request().body(Map.of("trackOrder", List.of(releaseTracks.get(2), releaseTracks.get(0), releaseTracks.get(1))))
                .post("/releases/" + release + "/tracks/reorder").then().statusCode(200);
        Scrape after = Scrape.now();

        Map<String, String> collectionsSuccess = Map.of("surface", "collections", "outcome", "success");
        Map<String, String> collectionsFailure = Map.of("surface", "collections", "outcome", "failure");
        Map<String, String> releasesSuccess = Map.of("surface", "releases", "outcome", "success");
        Map<String, String> releasesFailure = Map.of("surface", "releases", "outcome", "failure");
        assertEquals(1, after.minus(before, DURATION_COUNT, collectionsSuccess));
        assertEquals(1, after.minus(before, DURATION_COUNT, collectionsFailure));
        assertEquals(1, after.minus(before, DURATION_COUNT, releasesSuccess));
        assertEquals(0, after.minus(before, DURATION_COUNT, releasesFailure));
        assertTrue(after.minus(before, DURATION_SUM, collectionsSuccess) > 0, "a reorder takes some time");

        Map<String, String> collections = Map.of("surface", "collections");
        Map<String, String> releases = Map.of("surface", "releases");
        assertEquals(2, after.minus(before, IDS_COUNT, collections));
        assertEquals(3, after.minus(before, IDS_SUM, collections), "2 ids, then 1");
        assertEquals(1, after.minus(before, IDS_BUCKET, Map.of("surface", "collections", "le", "1.0")));
        assertEquals(2, after.minus(before, IDS_BUCKET, Map.of("surface", "collections", "le", "2.0")));
        assertEquals(1, after.minus(before, IDS_COUNT, releases));
        assertEquals(3, after.minus(before, IDS_SUM, releases));
    }

    @Test
    void httpRequestsAreCountedByRouteTemplateNotByPath() {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        String unknownPath = caller.path("/no-such-thing-" + collection);
        String orderTemplate = "/v1/music/{organization_id}/collections/{collection_id}/order";
        Scrape before = Scrape.now();
        caller.request().body(Map.of("ordered_track_ids", List.of()))
                .patch(caller.path("/collections/" + collection + "/order")).then().statusCode(200);
        caller.request().get(unknownPath).then().statusCode(404);
        // A wrong method matches no endpoint but its route: it is counted under the route's template.
        caller.request().delete(caller.path("/collections")).then().statusCode(405);
        Scrape after = Scrape.now();

        assertEquals(1, after.minus(before, HTTP_COUNT,
                Map.of("method", "PATCH", "status", "200", "uri", orderTemplate)));
        assertEquals(1, after.minus(before, HTTP_COUNT, Map.of("method", "GET", "status", "404", "uri", "NOT_FOUND")));
        assertEquals(1, after.minus(before, HTTP_COUNT,
                Map.of("method", "DELETE", "status", "405", "uri", "/v1/music/{organization_id}/collections")));
        assertFalse(after.text().contains(caller.organizationId()), "no series names the organization");
        assertFalse(after.text().contains(collection), "no series names the collection, nor the unknown path");
        // The scrapes themselves, and probes, are on the management interface: not API traffic.
        Management.request().get("/q/health/ready").then().statusCode(200);
        assertFalse(Scrape.now().text().matches("(?s).*uri=\"/q/(health|metrics).*"), "no series of health or metrics");
    }

    @Test
    void requestsAnsweredBeforeAnyEndpointRunsAreCountedByRouteTemplateOrAFixedValue() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        String track = caller.newTrack();
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(1);
        String releaseTrack = member.trackIds(release).get(0);
        String collectionTemplate = "/v1/music/{organization_id}/collections/{collection_id}";
        String membersTemplate = collectionTemplate + "/tracks";
        String releaseTrackTemplate = "/releases/{id}/tracks/{trackId}";

        Scrape before = Scrape.now();
        caller.request().options(caller.path("/collections/" + collection)).then().statusCode(200);
        caller.request().put(caller.path("/collections/" + collection)).then().statusCode(405);
        given().get(caller.path("/collections/" + collection)).then().statusCode(401);
        caller.request().body("{\"track_id\": \"" + "x".repeat(1024 * 1024) + "\"}")
                .post(caller.path("/collections/" + collection + "/tracks")).then().statusCode(413);
        member.request().options("/releases/" + release + "/tracks/" + releaseTrack).then().statusCode(200);
        member.request().get("/releases/" + release + "/tracks/" + releaseTrack).then().statusCode(405);
        given().delete("/releases/" + release + "/tracks/" + releaseTrack).then().statusCode(401);
        caller.request().get(caller.path("/collections/" + collection + "/no-such-thing/" + track)).then().statusCode(404);
        assertEquals(400, RawHttp.send("DELETE", caller.path("/collections/" + collection + "/tracks/%2e%2e"),
                Map.of("X-API-Key", caller.apiKey())).status());
        Scrape after = Scrape.now();

        assertEquals(1,
                after.minus(before, HTTP_COUNT, Map.of("method", "OPTIONS", "status", "200", "uri", collectionTemplate)));
        assertEquals(1, after.minus(before, HTTP_COUNT, Map.of("method", "PUT", "status", "405", "uri", collectionTemplate)));
        assertEquals(1, after.minus(before, HTTP_COUNT, Map.of("method", "GET", "status", "401", "uri", collectionTemplate)));
        assertEquals(1, after.minus(before, HTTP_COUNT, Map.of("method", "POST", "status", "413", "uri", membersTemplate)));
        assertEquals(1,
                after.minus(before, HTTP_COUNT, Map.of("method", "OPTIONS", "status", "200", "uri", releaseTrackTemplate)));
        assertEquals(1, after.minus(before, HTTP_COUNT, Map.of("method", "GET", "status", "405", "uri", releaseTrackTemplate)));
        assertEquals(1,
                after.minus(before, HTTP_COUNT, Map.of("method", "DELETE", "status", "401", "uri", releaseTrackTemplate)));
        assertEquals(1, after.minus(before, HTTP_COUNT, Map.of("method", "GET", "status", "404", "uri", "NOT_FOUND")));
        assertEquals(1, after.minus(before, HTTP_COUNT, Map.of("method", "DELETE", "status", "400", "uri", "UNKNOWN")));
        for (String id : List.of(caller.organizationId(), collection, track, member.workspace(), release, releaseTrack)) {
            assertFalse(after.text().contains(id), "a series names " + id + ":\n" + after.text());
        }
    }

    /**
     * The pool and the connection that listens for API key revocations each have their client
     * meters: under one name the listener's registration would be refused and its meters lost.
     */
    @Test
    void thePoolAndTheKeyListenerReportUnderNamesOfTheirOwn() {
        Scrape scrape = Scrape.now();
        Set<String> clients = scrape.samples().stream().filter(sample -> sample.name().equals("postgresql_queue_size"))
                .map(sample -> sample.labels().get("clientName")).collect(Collectors.toSet());
        assertEquals(Set.of("<default>", "api-key-revocations"), clients, scrape.text());
    }

    /**
     * One scrape of {@code /q/metrics}, in the OpenMetrics text format. A sample recorded during a traced
     * request may end in an exemplar naming that request's trace ({@code # {span_id="…",trace_id="…"} 1.0 …}).
     */
    private record Scrape(String text, List<Sample> samples) {

        private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*?)})? (\\S+)(?: # \\{.*)?");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        record Sample(String name, Map<String, String> labels, double value) {
        }

        static Scrape now() {
            String text = Management.request().get("/q/metrics").then().statusCode(200).extract().asString();
            List<Sample> samples = new ArrayList<>();
            for (String line : text.split("\n")) {
                Matcher sample = LINE.matcher(line);
                if (line.startsWith("#") || !sample.matches()) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
            }
            return new Scrape(text, samples);
        }

        /** The sum of the samples of that name whose labels include the given ones. */
        double value(String name, Map<String, String> labels) {
            return samples.stream()
                    .filter(sample -> sample.name().equals(name) && sample.labels().entrySet().containsAll(labels.entrySet()))
                    .mapToDouble(Sample::value).sum();
        }

        double minus(Scrape earlier, String name, Map<String, String> labels) {
            return value(name, labels) - earlier.value(name, labels);
        }
    }
}
