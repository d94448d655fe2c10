package io.trackorder.lambda;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import io.restassured.path.json.JsonPath;
import io.trackorder.errors.ErrorCode;
import io.trackorder.lambda.HttpApiEvents.Reply;
import io.trackorder.support.Internals;

/**
 * The two error formats, checked on the function's response objects as the plain-HTTP tests
 * (ErrorFormatTest, ReleaseErrorFormatTest) check them on HTTP responses.
 */
final class SurfaceErrors {

    private SurfaceErrors() {
    }

    /** The Collections API envelope, its trace id the response's X-Request-Id. */
    static JsonPath assertEnvelope(Reply reply, ErrorCode code) {
        assertCommon(reply, code.status());
        JsonPath body = reply.json();
        assertEquals(false, body.get("success"), reply.body());
        assertEquals(code.name(), body.getString("error.code"), reply.body());
        assertEquals(code.type(), body.getString("error.type"), reply.body());
        assertEquals(code.status(), body.getInt("error.status"), reply.body());
        assertEquals(reply.header("X-Request-Id"), body.getString("error.trace_id"), reply.body());
        assertThat(body.getString("error.timestamp"), matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        return body;
    }

    /** The Releases API's {status: "error", message}, never the envelope. */
    static JsonPath assertReleasesError(Reply reply, int status) {
        assertCommon(reply, status);
        JsonPath body = reply.json();
        assertEquals("error", body.getString("status"), reply.body());
        assertNotNull(body.getString("message"), reply.body());
        assertNull(body.get("success"), reply.body());
        assertNull(body.get("error"), reply.body());
        return body;
    }

    private static void assertCommon(Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        assertThat(reply.header("Content-Type"), startsWith("application/json"));
        assertThat(reply.header("X-Request-Id"), matchesPattern("[A-Za-z0-9._-]{1,128}"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertEquals("no-store", reply.header("Cache-Control"));
        assertEquals(List.of(), Internals.in(reply.body()), reply.body());
    }
}
