package io.trackorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.trackorder.support.Api;
import io.trackorder.support.LogCapture;
import io.trackorder.support.Releases;
import io.trackorder.support.SpanCapture;

/**
 * Every request is one server span, named by its route's template, with its database work as child
 * spans; a caller's W3C traceparent makes it part of the caller's trace, and its trace id is the
 * request's id in responses, error bodies and log lines.
 */
@QuarkusTest
class TracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";
    private static final String OTHER_TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final AttributeKey<String> DB_STATEMENT = AttributeKey.stringKey("db.statement");

    @Inject
    SpanCapture spans;

    @Test
    void aCollectionReorderIsAServerSpanWithItsDatabaseSpansAsChildren() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> added = caller.addNewTracks(collection, 2);
        String a = added.get(0);
        String b = added.get(1);

        try (SpanCapture capture = spans.start()) {
            String traceId = caller.request().body(Map.of("ordered_track_ids", List.of(b, a)))
                    .patch(caller.path("/collections/" + collection + "/order"))
                    .then().statusCode(200).extract().header("X-Request-Id");
            List<SpanData> trace = capture.trace(traceId, serverSpanAndDatabaseSpans());

            SpanData server = serverSpan(trace);
            assertEquals("PATCH /v1/music/{organization_id}/collections/{collection_id}/order", server.getName());
            assertFalse(server.getParentSpanContext().isValid(), "no traceparent: the request starts its trace");
            assertDatabaseSpansAreChildrenOf(server, trace);
            assertNoSecretIn(trace, caller.apiKey());
        }
    }

    @Test
    void aReleaseReorderIsAServerSpanWithItsDatabaseSpansAsChildren() throws Exception {
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(3);
        List<String> tracks = member.trackIds(release);

        String token = member.token();

        try (SpanCapture capture = spans.start()) {
            String traceId = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("trackOrder", List.of(tracks.get(2), tracks.get(0))))
                    .post("/releases/" + release + "/tracks/reorder")
                    .then().statusCode(200).extract().header("X-Request-Id");
            List<SpanData> trace = capture.trace(traceId, serverSpanAndDatabaseSpans());

            SpanData server = serverSpan(trace);
            assertEquals("POST /releases/{id}/tracks/reorder", server.getName());
            assertDatabaseSpansAreChildrenOf(server, trace);
            assertNoSecretIn(trace, token);
        }
    }

    /** The caller's trace id is in the span, the error body, X-Request-Id and the request's log lines. */
    @Test
    void aTraceparentJoinsTheCallersTraceEverywhere() throws Exception {
        Api.Caller caller = Api.newCaller();
        List<LogCapture.Entry> failures;
        try (SpanCapture capture = spans.start(); LogCapture log = LogCapture.start()) {
            ExtractableResponse<Response> response = caller.request()
                    .header("traceparent", "00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
                    .get(caller.path("/test-failure"))
                    .then().statusCode(500).extract();
            assertEquals(TRACE_ID, response.header("X-Request-Id"));
            assertEquals(TRACE_ID, response.path("error.trace_id"));

            SpanData server = serverSpan(capture.trace(TRACE_ID, trace -> trace.stream().anyMatch(TracingTest::isServer)));
            assertEquals(PARENT_SPAN_ID, server.getParentSpanId(), "a child of the caller's span");
            assertTrue(server.getParentSpanContext().isRemote());
            assertEquals("GET /v1/music/{organization_id}/test-failure", server.getName());

            failures = log.entries().stream().filter(entry -> entry.message().startsWith("Unexpected failure")).toList();
            assertEquals(1, failures.size(), failures.toString());
            assertEquals(TRACE_ID, failures.get(0).traceId());
            assertEquals(server.getSpanId(), failures.get(0).mdc().get("spanId"), "logged within the server span");
            assertTrue(failures.get(0).consoleLine().contains("[" + TRACE_ID + "]"), failures.get(0).consoleLine());
        }
    }

    /** A client's own X-Request-Id is echoed instead of the trace id, and logged beside it. */
    @Test
    void aClientsOwnRequestIdIsEchoedAndLoggedBesideTheTraceId() {
        Api.Caller caller = Api.newCaller();
        try (LogCapture log = LogCapture.start()) {
            caller.request().header("X-Request-Id", "client-7.a_b")
                    .header("traceparent", "00-" + OTHER_TRACE_ID + "-" + PARENT_SPAN_ID + "-01")
                    .get(caller.path("/test-failure"))
                    .then().statusCode(500).header("X-Request-Id", "client-7.a_b")
                    .body("error.trace_id", equalTo("client-7.a_b"));

            LogCapture.Entry failure = log.entries().stream().filter(entry -> entry.message().startsWith("Unexpected failure"))
                    .findFirst().orElseThrow();
            assertEquals(OTHER_TRACE_ID, failure.traceId());
            assertEquals("client-7.a_b", failure.mdc().get("requestId"));
        }
    }

    private static Predicate<List<SpanData>> serverSpanAndDatabaseSpans() {
        return trace -> trace.stream().anyMatch(TracingTest::isServer) && trace.stream().anyMatch(TracingTest::isDatabase);
    }

    private static SpanData serverSpan(List<SpanData> trace) {
        List<SpanData> servers = trace.stream().filter(TracingTest::isServer).toList();
        assertEquals(1, servers.size(), "one server span per request: " + trace);
        return servers.get(0);
    }

    private static void assertDatabaseSpansAreChildrenOf(SpanData server, List<SpanData> trace) {
        List<SpanData> database = trace.stream().filter(TracingTest::isDatabase).toList();
        for (SpanData query : database) {
            assertEquals(SpanKind.CLIENT, query.getKind(), query.toString());
            assertEquals(server.getSpanId(), query.getParentSpanId(), query.toString());
        }
    }

    /** Neither credential is ever written into a span: spans leave the service once a collector is set. */
    private static void assertNoSecretIn(List<SpanData> trace, String secret) {
        for (SpanData span : trace) {
            assertFalse(span.getName().contains(secret), span.getName());
            span.getAttributes().forEach((key, value) -> assertFalse(String.valueOf(value).contains(secret),
                    key + " of " + span.getName()));
        }
    }

    private static boolean isServer(SpanData span) {
        return span.getKind() == SpanKind.SERVER;
    }

    /** A statement of the reactive PostgreSQL client: a client span that carries its SQL. */
    private static boolean isDatabase(SpanData span) {
        return span.getKind() == SpanKind.CLIENT && span.getAttributes().get(DB_STATEMENT) != null;
    }
}
