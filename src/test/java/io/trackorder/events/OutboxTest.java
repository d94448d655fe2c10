package io.trackorder.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.trackorder.database.DetachedWork;
import io.trackorder.support.TestDatabase;
import io.vertx.core.Vertx;

/** An event is in the outbox exactly when the transaction that appended it committed. */
@QuarkusTest
class OutboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Outbox outbox;
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    Vertx vertx;

    @Test
    void appendsInTheCallersTransaction() throws Exception {
        ChangeEvent event = event("collection:org_outbox/favourites", 7);
        inTransaction(session -> outbox.append(session, event));

        try (Connection db = TestDatabase.connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT list_key, revision, type, source, subject, time, data::text, sent_at, seq FROM event_outbox WHERE id = ?")) {
            query.setObject(1, event.id());
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the event is in the outbox");
                assertEquals(event.listKey(), row.getString(1));
                assertEquals(7, row.getLong(2));
                assertEquals(event.type(), row.getString(3));
                assertEquals(event.source(), row.getString(4));
                assertEquals(event.subject(), row.getString(5));
                assertEquals(event.time(), row.getTimestamp(6).toInstant());
                assertEquals(JSON.readTree(event.data().toString()), JSON.readTree(row.getString(7)));
                assertNull(row.getTimestamp(8), "pending");
                assertTrue(row.getLong(9) > 0, "numbered in write order");
                assertFalse(row.next());
            }
        }
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() throws Exception {
        ChangeEvent event = event("collection:org_outbox/rolled-back", 1);
        assertThrows(IllegalStateException.class, () -> inTransaction(session -> outbox.append(session, event)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed")))));

        try (Connection db = TestDatabase.connect();
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM event_outbox WHERE id = ?")) {
            query.setObject(1, event.id());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertEquals(0, row.getLong(1));
            }
        }
    }

    static ChangeEvent event(String listKey, long revision) {
        return new ChangeEvent(UUID.randomUUID(), listKey, revision, "io.trackorder.test.changed",
                "/" + listKey.replace(':', '/'), "revision/" + revision, Instant.now().truncatedTo(ChronoUnit.MICROS),
                JSON.createObjectNode().put("revision", revision).put("note", "ünïcode \"quoted\""));
    }

    <T> T inTransaction(Function<Mutiny.Session, Uni<T>> work) {
        return DetachedWork.run(vertx, () -> sessions.withTransaction(session -> work.apply(session))).await()
                .atMost(Duration.ofSeconds(10));
    }
}
