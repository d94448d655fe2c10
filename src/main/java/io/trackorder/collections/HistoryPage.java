package io.trackorder.collections;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.trackorder.ordering.OrderHistory;

/** {@code GET /collections/{id}/order/history}: the newest entries first, without their orders. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@Schema(name = "CollectionOrderHistoryPage")
public record HistoryPage(String collectionId, List<Item> items, int limit, int offset) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @Schema(name = "CollectionOrderHistoryItem")
    public record Item(long revision, Instant changedAt, String actor,
            @Schema(enumeration = {
                    "reorder", "move", "add", "remove", "track_deleted",
                    "restore" }) String change,
            int trackCount){

        static Item of(OrderHistory.Entry entry) {
            return new Item(entry.revision(), entry.changedAt(), entry.actor(), entry.change(), entry.trackCount());
        }
    }
}
