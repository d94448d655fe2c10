package io.trackorder.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes the event of a change that its own statements do not announce (unlike the order changes,
 * see {@link ListEvents}), in the current transaction through the {@link Outbox}. The caller holds
 * the list's row lock, as its change does.
 */
@ApplicationScoped
public class Events {

    private final Outbox outbox;

    public Events(Outbox outbox) {
        this.outbox = outbox;
    }

    /** An empty object for the fields an event carries besides its revision and actor. */
    public static ObjectNode fields() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Writes the event {@code name} (the type after the list's prefix, e.g. {@code created}) of
     * {@code list}: its data is the revision, the actor, then {@code fields}.
     */
    public Uni<Void> write(EventList list, String name, long revision, String actor, ObjectNode fields) {
        ObjectNode data = fields().put("revision", revision).put("actor", actor);
        data.setAll(fields);
        ChangeEvent event = new ChangeEvent(UUID.randomUUID(), list.key(), revision, list.types() + name,
                list.source(), list.subject(), Instant.now().truncatedTo(ChronoUnit.MICROS), data);
        return Panache.getSession().chain(session -> outbox.append(session, event));
    }
}
