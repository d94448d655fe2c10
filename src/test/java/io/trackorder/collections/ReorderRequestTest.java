package io.trackorder.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** The Collections API's reorder body: every rule its own 422, and no field but the list. */
class ReorderRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ReorderRequest read(Object body) throws Exception {
        return JSON.readValue(body instanceof String text ? text : JSON.writeValueAsString(body), ReorderRequest.class);
    }

    private static void assertRefused(Object body, String reason, Map<String, Object> details) {
        ApiException refused = assertThrows(ApiException.class, () -> read(body));
        assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
        assertEquals(reason, refused.reason());
        assertEquals(details, refused.details());
    }

    @Test
    void upToTenThousandIdsOfUpTo128CharactersAreRead() throws Exception {
        assertEquals(List.of(), read("{\"ordered_track_ids\": []}").orderedTrackIds());
        assertEquals(List.of("mtrack_b", "mtrack_a"), read(Map.of("ordered_track_ids", List.of("mtrack_b", "mtrack_a")))
                .orderedTrackIds());
        assertEquals(10_000, read(Map.of("ordered_track_ids", Collections.nCopies(10_000, "x"))).orderedTrackIds().size());
        assertEquals(List.of("x".repeat(128)), read(Map.of("ordered_track_ids", List.of("x".repeat(128)))).orderedTrackIds());
    }

    @Test
    void eachRuleHasItsOwnError() {
        Map<String, Object> field = Map.of("field", "ordered_track_ids");
        for (String body : List.of("[]", "{}", "{\"ordered_track_ids\": null}", "{\"ordered_track_ids\": \"a\"}",
                "{\"ordered_track_ids\": [1]}")) {
            assertRefused(body, "ordered_track_ids must be an array of track ids", field);
        }
        assertRefused(Map.of("ordered_track_ids", Collections.nCopies(10_001, "x")),
                "ordered_track_ids may hold at most 10000 track ids",
                Map.of("field", "ordered_track_ids", "max_items", 10_000));
        assertRefused(Map.of("ordered_track_ids", List.of("x".repeat(129))),
                "ordered_track_ids holds an id of more than 128 characters",
                Map.of("field", "ordered_track_ids", "max_length", 128));
        assertRefused("{\"ordered_track_ids\": [], \"trackOrder\": []}", "Unknown field: trackOrder",
                Map.of("field", "trackOrder"));
    }
}
