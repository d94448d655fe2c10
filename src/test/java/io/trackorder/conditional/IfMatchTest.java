package io.trackorder.conditional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

class IfMatchTest {

    private static final EntityTag CURRENT = EntityTag.ofObject(3, 1);

    @Test
    void anAbsentOrEmptyHeaderIsUnconditional() {
        assertSame(IfMatch.ANY, IfMatch.parse(null));
        assertSame(IfMatch.ANY, IfMatch.parse(""));
        assertSame(IfMatch.ANY, IfMatch.parse(" "));
        IfMatch.ANY.require(CURRENT);
    }

    @Test
    void aStarOrAListNamingTheCurrentTagGoesAhead() {
        for (String header : List.of("*", " * ", "\"3.1\"", "\"2.0\", \"3.1\"", "W/\"3.1\", \"3.1\"")) {
            IfMatch.parse(header).require(CURRENT);
        }
    }

    @Test
    void anotherTagOrAWeakOneIs412NamingTheCurrentTag() {
        for (String header : List.of("\"3.0\"", "\"3\"", "\"3.10\"", "W/\"3.1\"", "\"2.0\", W/\"3.1\"", "\"\"")) {
            ApiException failed = assertThrows(ApiException.class, () -> IfMatch.parse(header).require(CURRENT), header);
            assertEquals(ErrorCode.PRECONDITION_FAILED, failed.code(), header);
            assertEquals("The ETag is now \"3.1\", not one that If-Match names; read it again and retry", failed.reason());
            assertEquals(Map.of("etag", "\"3.1\""), failed.details());
        }
    }

    @Test
    void aMalformedHeaderIs400BeforeAnythingIsRead() {
        for (String header : List.of("3.1", "\"3.1", "W/3.1", "*, \"3.1\"")) {
            ApiException refused = assertThrows(ApiException.class, () -> IfMatch.parse(header), header);
            assertEquals(ErrorCode.INVALID_REQUEST, refused.code());
            assertEquals("If-Match must be * or a list of at most 64 quoted ETags, such as \"3.1\"", refused.reason());
        }
    }
}
