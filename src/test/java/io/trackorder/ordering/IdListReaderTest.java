package io.trackorder.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** The reader with rules whose errors say which rule fired: at most 3 ids of at most 5 characters. */
class IdListReaderTest {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final class Rules implements IdListReader.Rules {

        private final boolean refuseUnknown;

        Rules(boolean refuseUnknown) {
            this.refuseUnknown = refuseUnknown;
        }

        @Override
        public ApiException notAnArrayOfIds() {
            return new ApiException(ErrorCode.VALIDATION_ERROR, "not an array of ids");
        }

        @Override
        public ApiException tooManyIds(int maxItems) {
            return new ApiException(ErrorCode.VALIDATION_ERROR, "more than " + maxItems);
        }

        @Override
        public ApiException idTooLong(int maxLength) {
            return new ApiException(ErrorCode.VALIDATION_ERROR, "longer than " + maxLength);
        }

        @Override
        public ApiException unknownField(String field) {
            return refuseUnknown ? new ApiException(ErrorCode.VALIDATION_ERROR, "unknown " + field) : null;
        }
    }

    private static List<String> read(String body, boolean refuseUnknown) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            parser.nextToken();
            return new IdListReader("ids", 3, 5, new Rules(refuseUnknown)).read(parser);
        }
    }

    private static void assertRefused(String reason, String body, boolean refuseUnknown) {
        assertEquals(reason, assertThrows(ApiException.class, () -> read(body, refuseUnknown), body).reason(), body);
    }

    @Test
    void theIdsAreReadInOrderAsGiven() throws IOException {
        for (boolean refuseUnknown : new boolean[] { true, false }) {
            assertEquals(List.of(), read("{\"ids\": []}", refuseUnknown));
            assertEquals(List.of("b", "a"), read("{\"ids\": [\"b\", \"a\"]}", refuseUnknown));
            // Repeats and any text are the caller's to judge.
            assertEquals(List.of("a", "a", ""), read("{\"ids\": [\"a\", \"a\", \"\"]}", refuseUnknown));
            assertEquals(List.of("é\u0000 ", "12345"), read("{\"ids\": [\"\\u00e9\\u0000 \", \"12345\"]}", refuseUnknown));
        }
    }

    @Test
    void theLimitsAreInclusive() throws IOException {
        assertEquals(List.of("a", "b", "c"), read(ids("a", "b", "c"), true));
        assertRefused("more than 3", ids("a", "b", "c", "d"), true);
        assertRefused("more than 3", JSON.writeValueAsString(Map.of("ids", Collections.nCopies(100_000, "a"))),
                true);
        assertEquals(List.of("abcde"), read(ids("abcde"), true));
        assertRefused("longer than 5", ids("abcdef"), true);
        // Characters, not bytes: five two-byte characters are within the limit.
        assertEquals(List.of("ééééé"), read(ids("ééééé"), true));
    }

    @Test
    void anythingButAnObjectWithAnArrayOfStringsIsNotAnArrayOfIds() {
        for (String body : List.of("[\"a\"]", "\"a\"", "1", "null", "true", "{}", "{\"ids\": null}", "{\"ids\": \"a\"}",
                "{\"ids\": {\"a\": 1}}", "{\"ids\": [1]}", "{\"ids\": [\"a\", null]}", "{\"ids\": [[\"a\"]]}",
                "{\"ids\": [{\"id\": \"a\"}]}", "{\"ids\": [true]}", "{\"IDS\": [\"a\"]}")) {
            assertRefused("not an array of ids", body, false);
        }
        // The shape of each item is checked before the count and the length.
        assertRefused("not an array of ids", "{\"ids\": [\"a\", \"b\", \"c\", 4]}", true);
        assertRefused("more than 3", "{\"ids\": [\"a\", \"b\", \"c\", \"toolong\"]}", true);
    }

    @Test
    void otherFieldsAreRefusedOrSkippedAsTheSurfaceSays() throws IOException {
        assertRefused("unknown extra", "{\"ids\": [\"a\"], \"extra\": 1}", true);
        assertRefused("unknown extra", "{\"extra\": {\"ids\": [\"z\"]}, \"ids\": [\"a\"]}", true);
        assertRefused("unknown extra", "{\"extra\": 1}", true);
        assertEquals(List.of("a"), read("{\"extra\": {\"ids\": [\"z\"]}, \"ids\": [\"a\"], \"more\": [[1], {}]}", false));
        assertRefused("not an array of ids", "{\"extra\": [\"a\"]}", false);
    }

    private static String ids(String... ids) throws IOException {
        return JSON.writeValueAsString(Map.of("ids", List.of(ids)));
    }
}
