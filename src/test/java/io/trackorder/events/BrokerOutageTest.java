package io.trackorder.events;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trackorder.database.DetachedWork;
import io.trackorder.support.Management;
import io.trackorder.support.TestDatabase;
import io.vertx.core.Vertx;

/**
 * With the broker unreachable the service starts and stays ready, passes fail quickly instead of
 * hanging, and events wait in the outbox, shown as backlog.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.UnreachableBroker.class)
class BrokerOutageTest {

    public static class UnreachableBroker implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1: privileged, and nothing listens there.
            return Map.of("rabbitmq-host", "127.0.0.1", "rabbitmq-port", "1");
        }
    }

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    Vertx vertx;

    @Test
    void eventsWaitInTheOutboxAndTheServiceStaysReady() throws Exception {
        ChangeEvent event = OutboxTest.event("collection:outage-test/" + UUID.randomUUID(), 1);
        DetachedWork.run(vertx, () -> sessions.withTransaction(session -> outbox.append(session, event)))
                .await().atMost(Duration.ofSeconds(10));

        assertEquals(0, relay.tick().await().atMost(Duration.ofSeconds(10)), "nothing confirmed");
        Management.request().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Event outbox' }.data.pending", greaterThanOrEqualTo(1));
        try (Connection db = TestDatabase.connect();
                PreparedStatement query = db.prepareStatement("SELECT sent_at IS NULL FROM event_outbox WHERE id = ?")) {
            query.setObject(1, event.id());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertEquals(true, row.getBoolean(1), "still pending");
            }
        }
    }

}
