package io.trackorder.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.trackorder.support.Api;
import io.trackorder.support.Concurrently;
import io.trackorder.support.LogCapture;
import io.trackorder.support.Releases;

/**
 * A W3C traceparent's trace id, which OpenTelemetry makes the trace id of the request's span, is the
 * request's id: in X-Request-Id, in trace_id and in its log lines.
 */
@QuarkusTest
class TraceCorrelationTest {

    @Test
    void theTraceIdIsTheRequestIdOnBothSurfaces() {
        Api.Caller caller = Api.newCaller();
        String traceId = newTraceId();
        caller.request().header("traceparent", traceparent(traceId))
                .get(caller.path("/collections/mcoll_000000000000"))
                .then().statusCode(404)
                .header(RequestIds.HEADER, equalTo(traceId))
                .body("error.trace_id", equalTo(traceId));

        String releaseTrace = newTraceId();
        Releases.newMember().request().header("traceparent", traceparent(releaseTrace))
                .get("/releases/" + UUID.randomUUID())
                .then().statusCode(404)
                .header(RequestIds.HEADER, equalTo(releaseTrace));
    }

    /** OpenTelemetry's W3C propagator refuses these: the request starts a trace of its own. */
    @ParameterizedTest
    @ValueSource(strings = {
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", // upper case
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // trace id all zero
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // parent id all zero
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // the invalid version
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", // trace id too short
            "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01" }) // not hex
    void aMalformedTraceparentIsIgnored(String traceparent) {
        Api.Caller caller = Api.newCaller();
        ExtractableResponse<Response> response = caller.request().header("traceparent", traceparent)
                .get(caller.path("/collections/mcoll_000000000000"))
                .then().statusCode(404)
                .header(RequestIds.HEADER, matchesPattern("[0-9a-f]{32}"))
                .extract();
        assertFalse(traceparent.toLowerCase().contains(response.header(RequestIds.HEADER)), response.header(RequestIds.HEADER));
        assertEquals(response.header(RequestIds.HEADER), response.path("error.trace_id"));
    }

    @Test
    void aClientRequestIdIsStillEchoedWhenATraceparentComesWithIt() {
        given().header(RequestIds.HEADER, "client-7").header("traceparent", traceparent(newTraceId()))
                .get("/v1/music/org_x/collections")
                .then().statusCode(401)
                .header(RequestIds.HEADER, equalTo("client-7"))
                .body("error.trace_id", equalTo("client-7"));
    }

    /** Requests at once, each logging an error: every line carries its own request's id, never another's. */
    @Test
    void everyLogLineOfARequestCarriesItsId() throws Exception {
        Api.Caller caller = Api.newCaller();
        List<String> traceIds = new ArrayList<>();
        List<IntSupplier> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String traceId = newTraceId();
            traceIds.add(traceId);
            calls.add(() -> caller.request().header("traceparent", traceparent(traceId))
                    .get(caller.path("/test-failure")).statusCode());
        }
        List<LogCapture.Entry> failures;
        try (LogCapture log = LogCapture.start("io.trackorder.errors")) {
            assertEquals(List.of(500, 500, 500, 500, 500, 500, 500, 500), Concurrently.statuses(calls, 4));
            failures = log.entries().stream().filter(entry -> entry.message().startsWith("Unexpected failure")).toList();
        }

        assertEquals(traceIds.size(), failures.size(), "one error per request: " + failures);
        for (LogCapture.Entry failure : failures) {
            String logged = failure.message().substring(failure.message().lastIndexOf(' ') + 1);
            assertTrue(traceIds.contains(logged), failure.text());
            assertEquals(logged, failure.traceId(), "the MDC holds the id of the request that logs");
            assertTrue(failure.consoleLine().contains("[" + logged + "]"), failure.consoleLine());
        }
    }

    private static String newTraceId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] |= 1; // never all zero
        return HexFormat.of().formatHex(bytes);
    }

    private static String traceparent(String traceId) {
        return "00-" + traceId + "-00f067aa0ba902b7-01";
    }
}
