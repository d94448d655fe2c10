package io.trackorder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

class PageRequestTest {

    private static PageRequest parse(String limit, String offset) {
        return PageRequest.parse(limit, offset, 50, 500);
    }

    @Test
    void absentOrEmptyParametersTakeTheDefaults() {
        assertEquals(new PageRequest(50, 0), parse(null, null));
        assertEquals(new PageRequest(50, 0), parse("", ""));
        assertEquals(new PageRequest(7, 0), PageRequest.parse(null, null, 7, 10));
    }

    @Test
    void limitsFromOneToTheMaximumAndAnyOffsetFromZeroAreTaken() {
        assertEquals(new PageRequest(1, 0), parse("1", "0"));
        assertEquals(new PageRequest(500, 2_147_483_647), parse("500", "2147483647"));
        assertEquals(new PageRequest(20, 40), parse("20", "40"));
        assertEquals(new PageRequest(5, 0), parse("005", "-0"));
    }

    @Test
    void aLimitOutOfRangeIs422WithItsBounds() {
        for (String limit : List.of("0", "-1", "501", "2147483647", "-2147483648")) {
            ApiException refused = assertThrows(ApiException.class, () -> parse(limit, "0"), limit);
            assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
            assertEquals("limit must be between 1 and 500", refused.reason());
            assertEquals(Map.of("field", "limit", "min", 1, "max", 500), refused.details());
        }
    }

    @Test
    void aNegativeOffsetIs422() {
        for (String offset : List.of("-1", "-2147483648")) {
            ApiException refused = assertThrows(ApiException.class, () -> parse("10", offset), offset);
            assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
            assertEquals("offset must be 0 or more", refused.reason());
            assertEquals(Map.of("field", "offset", "min", 0), refused.details());
        }
    }

    @Test
    void aParameterThatIsNotAnIntIs400NamingIt() {
        for (String value : List.of("ten", "1e2", "1.5", " 5", "5 ", "0x10", "2147483648", "-2147483649", "9".repeat(30),
                "five", "-", "+", "+5", "\u0661", "\uff15", "5\u0660")) {
            ApiException limit = assertThrows(ApiException.class, () -> parse(value, "0"), value);
            assertEquals(ErrorCode.INVALID_REQUEST, limit.code());
            assertEquals("limit must be an integer", limit.reason());
            assertEquals(Map.of("parameter", "limit"), limit.details());
            ApiException offset = assertThrows(ApiException.class, () -> parse("10", value), value);
            assertEquals("offset must be an integer", offset.reason());
            assertEquals(Map.of("parameter", "offset"), offset.details());
        }
    }

    @Test
    void bothAreParsedBeforeEitherIsRangeChecked() {
        assertEquals("limit must be an integer", assertThrows(ApiException.class, () -> parse("x", "y")).reason());
        assertEquals("offset must be an integer", assertThrows(ApiException.class, () -> parse("0", "y")).reason());
        assertEquals("limit must be between 1 and 500", assertThrows(ApiException.class, () -> parse("0", "-1")).reason());
    }

    @Test
    void aPageCarriesTheRequestsLimitAndOffset() {
        assertEquals(new Page<>(List.of("a", "b"), 2, 4), Page.of(List.of("a", "b"), new PageRequest(2, 4)));
        assertEquals(new Page<>(List.of(), 50, 0), Page.of(List.of(), parse(null, null)));
    }
}
