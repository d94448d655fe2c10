package io.trackorder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which id a request gets: a safe X-Request-Id, else a valid traceparent's trace id, else a fresh one. */
class RequestIdsTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final RequestIds ids = new RequestIds();

    @Test
    void aValidTraceparentGivesItsTraceId() {
        assertEquals(TRACE_ID, RequestIds.traceId(TRACEPARENT));
        assertEquals(TRACE_ID, RequestIds.traceId("00-" + TRACE_ID + "-00f067aa0ba902b7-00"), "not sampled");
        assertEquals(TRACE_ID, ids.effectiveId(null, TRACEPARENT));
        assertEquals(TRACE_ID, ids.effectiveId("not safe to echo!", TRACEPARENT));
    }

    @Test
    void aSafeClientRequestIdWinsOverTheTraceparent() {
        assertEquals("client-42", ids.effectiveId("client-42", TRACEPARENT));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // trace id all zero
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // parent id all zero
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // a version we do not know
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // the invalid version
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", // trace id too short
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01", // parent id too short
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", // no flags
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1", // flags one digit
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01", // not hex
            " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01" })
    void anythingElseIsIgnored(String traceparent) {
        assertNull(RequestIds.traceId(traceparent));
        String id = ids.effectiveId(null, traceparent);
        assertTrue(id.matches("req_[0-9a-f]{24}"), id);
    }

    @Test
    void withoutEitherTheIdIsFreshEachTime() {
        assertNull(RequestIds.traceId(null));
        String first = ids.effectiveId(null, null);
        assertTrue(first.matches("req_[0-9a-f]{24}"), first);
        assertNotEquals(first, ids.effectiveId(null, null), "unique per request");
    }
}
