package io.trackorder.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

class BodyFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body {@code {"f": <value>}}. */
    private static BodyFields field(String value) throws Exception {
        return BodyFields.of(JSON.readTree("{\"f\": " + value + "}"));
    }

    private static String quoted(String text) throws Exception {
        return JSON.writeValueAsString(text);
    }

    private static void assertRefused(String field, String reason, Executable read) {
        ApiException refused = assertThrows(ApiException.class, read, reason);
        assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
        assertEquals(reason, refused.reason());
        assertEquals(Map.of("field", field), refused.details());
    }

    @Test
    void onlyAnObjectIsABody() throws Exception {
        for (String body : List.of("[]", "\"x\"", "1", "null", "true")) {
            assertRefused("body", "The request body must be a JSON object", () -> BodyFields.of(JSON.readTree(body)));
        }
        assertRefused("body", "The request body must be a JSON object", () -> BodyFields.of(null));
        BodyFields empty = BodyFields.of(JSON.readTree("{}"));
        assertFalse(empty.has("f"));
        assertNull(empty.node("f"));
        assertTrue(field("null").has("f"));
    }

    @Test
    void textIsOneToMaxCharactersOrAbsent() throws Exception {
        assertNull(BodyFields.of(JSON.readTree("{}")).text("f", 3));
        assertNull(field("null").text("f", 3));
        assertEquals("a", field("\"a\"").text("f", 3));
        assertEquals("abc", field("\"abc\"").text("f", 3));
        assertEquals(" ", field("\" \"").text("f", 3));
        for (String value : List.of("\"\"", "\"abcd\"", "1", "true", "[\"a\"]", "{}")) {
            assertRefused("f", "f must be a string of 1 to 3 characters", () -> field(value).text("f", 3));
        }
    }

    @Test
    void requiredTextMustBeThereAndNotBlank() throws Exception {
        assertEquals("T", field("\"T\"").requiredText("f", 3));
        assertRefused("f", "f is required", () -> BodyFields.of(JSON.readTree("{}")).requiredText("f", 3));
        assertRefused("f", "f is required", () -> field("null").requiredText("f", 3));
        assertRefused("f", "f is required", () -> field("\"  \"").requiredText("f", 3));
        assertRefused("f", "f must be a string of 1 to 3 characters", () -> field("\"\"").requiredText("f", 3));
        assertRefused("f", "f must be a string of 1 to 3 characters", () -> field("5").requiredText("f", 3));
    }

    @Test
    void oneOfTakesOnlyTheAllowedValuesExactly() throws Exception {
        Set<String> allowed = Set.of("Single", "EP", "Album");
        assertEquals("EP", field("\"EP\"").oneOf("f", allowed));
        assertNull(field("null").oneOf("f", allowed));
        for (String value : List.of("\"ep\"", "\"EP \"", "\"\"", "1", "[\"EP\"]")) {
            assertRefused("f", "f must be one of Album, EP, Single", () -> field(value).oneOf("f", allowed));
        }
    }

    @Test
    void textsAreAtMost100StringsOf1To256Characters() throws Exception {
        String rule = "f must be an array of at most 100 strings of 1 to 256 characters";
        assertEquals(List.of(), BodyFields.of(JSON.readTree("{}")).texts("f"));
        assertEquals(List.of(), field("null").texts("f"));
        assertEquals(List.of(), field("[]").texts("f"));
        assertEquals(List.of("Pop", "Rock"), field("[\"Pop\", \"Rock\"]").texts("f"));
        assertEquals(100, field(JSON.writeValueAsString(Collections.nCopies(100, "Pop"))).texts("f").size());
        assertEquals(List.of("x".repeat(256)), field("[" + quoted("x".repeat(256)) + "]").texts("f"));
        for (String value : List.of(JSON.writeValueAsString(Collections.nCopies(101, "Pop")),
                "[" + quoted("x".repeat(257)) + "]", "[\"\"]", "[\"a\", 1]", "[null]", "[[\"a\"]]", "\"Pop\"", "{}", "1")) {
            assertRefused("f", rule, () -> field(value).texts("f"));
        }
    }

    @Test
    void nonNegativeIsANumberFromZeroToTheMaximum() throws Exception {
        assertNull(field("null").nonNegative("f", 86_400));
        assertEquals(0.0, field("0").nonNegative("f", 86_400));
        assertEquals(215.5, field("215.5").nonNegative("f", 86_400));
        assertEquals(86_400.0, field("86400").nonNegative("f", 86_400));
        for (String value : List.of("-1", "-0.001", "86400.001", "1e400", "\"5\"", "true", "[1]")) {
            assertRefused("f", "f must be a number from 0 to 86400", () -> field(value).nonNegative("f", 86_400));
        }
    }

    @Test
    void aDateIsYearMonthDay() throws Exception {
        assertNull(field("null").date("f"));
        assertEquals(LocalDate.of(2024, 2, 29), field("\"2024-02-29\"").date("f"));
        for (String value : List.of("\"2023-02-29\"", "\"2024-2-1\"", "\"2024/02/01\"", "\"01-02-2024\"", "\"tomorrow\"")) {
            assertRefused("f", "f must be a date as YYYY-MM-DD", () -> field(value).date("f"));
        }
        for (String value : List.of("\"2024-02-01T00\"", "\"\"", "20240201")) {
            assertRefused("f", "f must be a string of 1 to 10 characters", () -> field(value).date("f"));
        }
    }

    @Test
    void aUuidIsTheCanonical36CharacterForm() throws Exception {
        UUID id = UUID.fromString("550e8400-e29b-41d4-a716-446655440000");
        assertNull(field("null").uuid("f"));
        assertEquals(id, field("\"550e8400-e29b-41d4-a716-446655440000\"").uuid("f"));
        assertEquals(id, field("\"550E8400-E29B-41D4-A716-446655440000\"").uuid("f"));
        for (String value : List.of("\"550e8400\"", "\"1-1-1-1-1\"", "\"550e8400-e29b-41d4-a716-44665544000g\"",
                "\"550e8400e29b41d4a716446655440000\"", "\"{550e8400-e29b-41d4-a716-4466554400}\"")) {
            assertRefused("f", "f must be a UUID", () -> field(value).uuid("f"));
        }
        assertRefused("f", "f must be a string of 1 to 36 characters",
                () -> field("\"550e8400-e29b-41d4-a716-4466554400000\"").uuid("f"));
    }

    @Test
    void anObjectIsAnyJsonObjectAndAbsentIsEmpty() throws Exception {
        assertEquals(JSON.readTree("{}"), field("null").object("f"));
        assertEquals(JSON.readTree("{}"), BodyFields.of(JSON.readTree("{}")).object("f"));
        JsonNode nested = JSON.readTree("{\"a\": [1, {\"b\": null}]}");
        assertEquals(nested, field(nested.toString()).object("f"));
        for (String value : List.of("[]", "\"x\"", "1", "true")) {
            assertRefused("f", "f must be an object", () -> field(value).object("f"));
        }
    }
}
