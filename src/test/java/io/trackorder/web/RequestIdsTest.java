package io.trackorder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/** Which id a request gets: a safe X-Request-Id, else its span's trace id, else (tracing off) a fresh one. */
class RequestIdsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final SpanContext SPAN = SpanContext.create(TRACE_ID, "00f067aa0ba902b7", TraceFlags.getSampled(),
            TraceState.getDefault());

    private final RequestIds ids = new RequestIds();

    @Test
    void theSpansTraceIdIsTheId() {
        assertEquals(TRACE_ID, ids.effectiveId(null, SPAN));
        SpanContext notSampled = SpanContext.create(TRACE_ID, "00f067aa0ba902b7", TraceFlags.getDefault(),
                TraceState.getDefault());
        assertEquals(TRACE_ID, ids.effectiveId(null, notSampled), "a trace that is not recorded still has its id");
    }

    @ParameterizedTest
    @ValueSource(strings = { "client-42", "a", "A.b_c-9" })
    void aSafeClientRequestIdWinsOverTheTraceId(String sent) {
        assertEquals(sent, ids.effectiveId(sent, SPAN));
    }

    @Test
    void aClientRequestIdOfAtMost128SafeCharactersIsEchoed() {
        String longest = "x".repeat(128);
        assertEquals(longest, ids.effectiveId(longest, SPAN));
        assertEquals(TRACE_ID, ids.effectiveId(longest + "x", SPAN));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "with space", "new\nline", "semi;colon", "slash/", "ünïcode", "quote\"" })
    void anUnsafeClientRequestIdIsReplacedByTheTraceId(String sent) {
        assertEquals(TRACE_ID, ids.effectiveId(sent, SPAN));
    }

    @Test
    void withTracingOffTheIdIsFreshEachTime() {
        String first = ids.effectiveId(null, SpanContext.getInvalid());
        assertTrue(first.matches("req_[0-9a-f]{24}"), first);
        assertNotEquals(first, ids.effectiveId(null, SpanContext.getInvalid()), "unique per request");
        assertEquals("client-42", ids.effectiveId("client-42", SpanContext.getInvalid()));
    }
}
