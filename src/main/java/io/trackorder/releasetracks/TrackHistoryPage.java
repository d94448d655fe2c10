package io.trackorder.releasetracks;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.trackorder.ordering.OrderHistory;
import io.trackorder.releases.Replies;

/** {@code GET /releases/{id}/tracks/history}: the newest entries first, without their orders. */
@Schema(name = "TrackOrderHistoryPage")
public record TrackHistoryPage(List<Item> items, Replies.Pagination pagination) {

    @Schema(name = "TrackOrderHistoryItem")
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
