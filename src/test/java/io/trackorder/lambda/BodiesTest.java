package io.trackorder.lambda;

import static io.trackorder.lambda.SurfaceErrors.assertEnvelope;
import static io.trackorder.lambda.SurfaceErrors.assertReleasesError;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.errors.ErrorCode;
import io.trackorder.lambda.HttpApiEvents.Reply;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;

/**
 * Request bodies through the Lambda handler, as text and base64-encoded as API Gateway passes them:
 * over 1 MiB, not UTF-8, declared in another charset, not JSON, empty. Each gets the status and
 * error format it gets over plain HTTP (LimitsTest, JsonBodiesTest, ErrorFormatTest,
 * ReleaseErrorFormatTest), and none writes anything.
 */
@QuarkusTest
class BodiesTest {

    private static final int MEBIBYTE = 1024 * 1024;

    private Api.Caller caller;
    private Releases.Member member;

    @BeforeEach
    void callers() {
        caller = Api.newCaller();
        member = Releases.newMember();
    }

    @Test
    void aBodyOverOneMebibyteIs413InTheSurfacesFormat() {
        String huge = "{\"name\": \"" + "x".repeat(MEBIBYTE) + "\", \"title\": \"T\", \"displayArtist\": \"A\"}";
        for (boolean encoded : List.of(false, true)) {
            Reply collections = send(encoded, "POST", caller.path("/collections"), collectionsHeaders("application/json"),
                    huge);
            assertEnvelope(collections, ErrorCode.PAYLOAD_TOO_LARGE);
            Reply releases = send(encoded, "POST", "/releases", releasesHeaders("application/json"),
                    huge);
            assertReleasesError(releases, 413);
            Reply admin = send(encoded, "POST", "/admin/api-keys",
                    Map.of("X-Admin-Token", Api.ADMIN_TOKEN, "Content-Type", "application/json"),
                    huge);
            assertEnvelope(admin, ErrorCode.PAYLOAD_TOO_LARGE);
        }
        assertNothingWritten();
    }

    /**
     * Bodies past Quarkus REST's 10 KiB input buffer, up to the limit, are read as sent: without the
     * lambda profile's larger buffer they reached the body reader as zero bytes (deployment.md).
     */
    @Test
    void aBodyWithinTheLimitIsRead() {
        for (int padding : List.of(10 * 1024, MEBIBYTE - 8 * 1024)) {
            String blank = " ".repeat(padding);
            for (boolean encoded : List.of(false, true)) {
                Reply collection = send(encoded, "POST", caller.path("/collections"), collectionsHeaders("application/json"),
                        "{\"name\": \"é\"," + blank + "\"description\": \"" + "d".repeat(4096) + "\"}");
                assertEquals(201, collection.status(), collection.body());
                assertEquals("é", collection.json().getString("name"));
                Reply release = send(encoded, "POST", "/releases", releasesHeaders("application/json"),
                        "{\"title\": \"é\"," + blank + "\"displayArtist\": \"A\"}");
                assertEquals(201, release.status(), release.body());
                assertEquals("é", release.json().getString("data.title"));
            }
        }
    }

    /** Bytes that are no UTF-8 in a body declared as UTF-8 JSON: malformed JSON, as Jackson reads it. */
    @Test
    void aBodyThatIsNotUtf8Is400() {
        for (byte[] invalid : List.of(new byte[] { (byte) 0xff, (byte) 0xfe }, new byte[] { (byte) 0xc3, 0x28 },
                new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 })) {
            byte[] collection = json("{\"name\": \"", invalid, "\"}");
            assertEnvelope(HttpApiEvents.sendEncoded("POST", caller.path("/collections"),
                    collectionsHeaders("application/json; charset=utf-8"), collection), ErrorCode.INVALID_REQUEST);
            byte[] release = json("{\"title\": \"", invalid, "\", \"displayArtist\": \"A\"}");
            assertReleasesError(HttpApiEvents.sendEncoded("POST", "/releases", releasesHeaders("application/json"), release),
                    400);
        }
        assertNothingWritten();
    }

    @Test
    void aBodyInAnotherCharsetIs415() {
        for (String charset : List.of("ISO-8859-1", "latin1", "windows-1252", "no-such-charset")) {
            String type = "application/json; charset=" + charset;
            String collection = "{\"name\": \"é\"}";
            String release = "{\"title\": \"é\", \"displayArtist\": \"A\"}";
            for (boolean encoded : List.of(false, true)) {
                assertThat(assertEnvelope(send(encoded, "POST", caller.path("/collections"), collectionsHeaders(type),
                        collection, StandardCharsets.ISO_8859_1), ErrorCode.UNSUPPORTED_MEDIA_TYPE)
                        .getString("error.system_message"), containsString("UTF-8"));
                assertThat(assertReleasesError(send(encoded, "POST", "/releases", releasesHeaders(type), release,
                        StandardCharsets.ISO_8859_1), 415)
                        .getString("message"), containsString("UTF-8"));
            }
        }
        assertNothingWritten();
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/octet-stream")) {
            for (boolean encoded : List.of(false, true)) {
                assertEnvelope(send(encoded, "POST", caller.path("/collections"), collectionsHeaders(type),
                        "name=x"), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
                assertReleasesError(send(encoded, "POST", "/releases", releasesHeaders(type),
                        "title=x"), 415);
            }
        }
        assertNothingWritten();
    }

    @Test
    void anEmptyBodyIsRefusedInTheSurfacesFormat() {
        for (String body : new String[] { null, "" }) {
            assertEnvelope(HttpApiEvents.send("POST", caller.path("/collections"), collectionsHeaders("application/json"),
                    body), ErrorCode.VALIDATION_ERROR);
            assertReleasesError(HttpApiEvents.send("POST", "/releases", releasesHeaders("application/json"), body), 400);
        }
        assertNothingWritten();
    }

    /** The body as text in the event, or base64-encoded in the given charset. */
    private static Reply send(boolean encoded, String method, String path, Map<String, String> headers, String body,
            Charset charset) {
        return encoded ? HttpApiEvents.sendEncoded(method, path, headers, body.getBytes(charset))
                : HttpApiEvents.send(method, path, headers, body);
    }

    private static Reply send(boolean encoded, String method, String path, Map<String, String> headers, String body) {
        return send(encoded, method, path, headers, body, StandardCharsets.UTF_8);
    }

    private static byte[] json(String before, byte[] inside, String after) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(inside);
        bytes.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private Map<String, String> collectionsHeaders(String contentType) {
        return headers("X-API-Key", caller.apiKey(), contentType);
    }

    private Map<String, String> releasesHeaders(String contentType) {
        return headers("Authorization", "Bearer " + member.token(), contentType);
    }

    private static Map<String, String> headers(String credential, String value, String contentType) {
        Map<String, String> headers = new HashMap<>();
        headers.put(credential, value);
        headers.put("Content-Type", contentType);
        return headers;
    }

    private void assertNothingWritten() {
        Reply collections = HttpApiEvents.send("GET", caller.path("/collections"), Map.of("X-API-Key", caller.apiKey()), null);
        assertEquals(List.of(), collections.json().getList("items"), collections.body());
        Reply releases = HttpApiEvents.send("GET", "/releases", Map.of("Authorization", "Bearer " + member.token()), null);
        assertEquals(0, releases.json().getInt("data.pagination.total"), releases.body());
    }
}
