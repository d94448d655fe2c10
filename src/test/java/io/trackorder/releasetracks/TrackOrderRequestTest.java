package io.trackorder.releasetracks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** The Releases API's reorder body: up to 1,000 ids, other fields skipped as everywhere on that surface. */
class TrackOrderRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TrackOrderRequest read(Object body) throws Exception {
        return JSON.readValue(body instanceof String text ? text : JSON.writeValueAsString(body), TrackOrderRequest.class);
    }

    private static void assertRefused(Object body, String reason) {
        ApiException refused = assertThrows(ApiException.class, () -> read(body));
        assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
        assertEquals(reason, refused.reason());
        assertEquals(Map.of("field", "trackOrder"), refused.details());
    }

    @Test
    void upToAThousandIdsOfUpTo128CharactersAreReadAndOtherFieldsSkipped() throws Exception {
        assertEquals(List.of(), read("{\"trackOrder\": []}").trackOrder());
        assertEquals(List.of("b", "a"),
                read("{\"id\": \"r\", \"trackOrder\": [\"b\", \"a\"], \"extra\": {\"trackOrder\": [1]}}")
                        .trackOrder());
        assertEquals(1_000, read(Map.of("trackOrder", Collections.nCopies(1_000, "x"))).trackOrder().size());
        assertEquals(List.of("x".repeat(128)), read(Map.of("trackOrder", List.of("x".repeat(128)))).trackOrder());
    }

    @Test
    void eachRuleHasItsOwnError() {
        for (String body : List.of("[]", "{}", "{\"extra\": 1}", "{\"trackOrder\": null}", "{\"trackOrder\": \"a\"}",
                "{\"trackOrder\": [null]}", "{\"ordered_track_ids\": [\"a\"]}")) {
            assertRefused(body, "trackOrder must be an array of track ids");
        }
        assertRefused(Map.of("trackOrder", Collections.nCopies(1_001, "x")), "trackOrder may hold at most 1000 track ids");
        assertRefused(Map.of("trackOrder", List.of("x".repeat(129))), "trackOrder holds an id of more than 128 characters");
    }
}
