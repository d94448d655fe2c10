package io.trackorder.releasetracks;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.trackorder.ordering.OrderHistory;

/** {@code GET /releases/{id}/tracks/history/{revision}}: one entry with the order after the change. */
@Schema(name = "TrackOrderHistoryEntry")
public record TrackHistoryEntry(long revision, Instant changedAt, String actor,
        @Schema(enumeration = {
                "reorder", "move", "add", "remove", "track_deleted", "restore" }) String change,
        List<String> trackIds){

    static TrackHistoryEntry of(OrderHistory.Entry entry) {
        return new TrackHistoryEntry(entry.revision(), entry.changedAt(), entry.actor(), entry.change(),
                entry.trackIds());
    }
}
