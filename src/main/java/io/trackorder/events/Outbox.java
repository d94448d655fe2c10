package io.trackorder.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Where a change writes its event: in the change's own session and transaction, so the event is
 * there exactly when the change committed ({@link OutboxRelay} publishes it afterwards). The caller
 * must hold the list's row lock, as its change does: then the order in which events of one list
 * are written, and published, is the order of its changes.
 */
@ApplicationScoped
public class Outbox {

    /** The data as text, cast by the server: the driver would send a string bound as jsonb as a JSON string. */
    private static final String APPEND = """
            INSERT INTO event_outbox (id, list_key, revision, type, source, subject, time, data)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(CAST(?8 AS text) AS jsonb))""";

    public Uni<Void> append(Mutiny.Session session, ChangeEvent event) {
        return session.createNativeQuery(APPEND)
                .setParameter(1, event.id())
                .setParameter(2, event.listKey())
                .setParameter(3, event.revision())
                .setParameter(4, event.type())
                .setParameter(5, event.source())
                .setParameter(6, event.subject())
                .setParameter(7, OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                .setParameter(8, event.data().toString())
                .executeUpdate()
                .replaceWithVoid();
    }
}
