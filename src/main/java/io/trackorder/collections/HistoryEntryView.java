package io.trackorder.collections;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.trackorder.ordering.OrderHistory;

/** {@code GET /collections/{id}/order/history/{revision}}: one entry with the order after the change. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "CollectionOrderHistoryEntry")
public record HistoryEntryView(String collectionId, long revision, Instant changedAt, String actor,
        @Schema(enumeration = {
                "reorder", "move", "add", "remove", "track_deleted", "restore" }) String change,
        List<String> trackIds){

    static HistoryEntryView of(String collectionId, OrderHistory.Entry entry) {
        return new HistoryEntryView(collectionId, entry.revision(), entry.changedAt(), entry.actor(), entry.change(),
                entry.trackIds());
    }
}
