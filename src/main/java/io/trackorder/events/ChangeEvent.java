package io.trackorder.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A change of one list, as a CloudEvents 1.0 event.
 *
 * @param id the event's id, the same on every delivery of it
 * @param listKey the list it changed ({@code collection:{organization}/{id}}, {@code release:{tenant}/{id}}):
 *        the events of one list are published in the order they were written
 * @param revision the list's revision after the change
 * @param type also the routing key on the exchange, e.g. {@code io.trackorder.collection.reordered}
 * @param source the URI reference of what changed, e.g. {@code /collections/org_abc123/favourites}
 * @param subject what within the source changed
 * @param time when the change happened
 * @param data the event's payload, a JSON value
 */
public record ChangeEvent(UUID id, String listKey, long revision, String type, String source, String subject,
        Instant time, JsonNode data) {
}
