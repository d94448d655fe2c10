package io.trackorder.events;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.trackorder.database.DetachedWork;
import io.trackorder.support.Management;
import io.trackorder.support.MessageBroker;
import io.trackorder.support.TestDatabase;
import io.vertx.core.Vertx;

/**
 * The relay against a real broker (the embedded one, or the RabbitMQ that RABBITMQ_HOST names): a
 * queue bound to the exchange with {@code #} receives every committed event once, as a structured
 * CloudEvent, each list's in write order, and the outbox marks them sent; an event of a rolled-back
 * transaction never goes out; racing passes, as of two replicas, publish nothing twice. The relay's
 * own timer runs meanwhile, as in production: one more racer.
 */
@QuarkusTest
class OutboxRelayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    Vertx vertx;

    private com.rabbitmq.client.Connection broker;
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    record Delivery(String routingKey, AMQP.BasicProperties properties, JsonNode body) {
    }

    @BeforeEach
    void bindQueue() throws Exception {
        broker = MessageBroker.fromEnvironmentOrEmbedded().connect();
        Channel channel = broker.createChannel();
        String queue = channel.queueDeclare().getQueue();
        MessageBroker.bindToEveryEvent(channel, queue);
        channel.basicConsume(queue, true, (tag, message) -> deliveries.add(new Delivery(
                message.getEnvelope().getRoutingKey(), message.getProperties(),
                JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8)))), tag -> {
                });
    }

    @AfterEach
    void closeBroker() throws Exception {
        broker.close();
    }

    @Test
    void everyCommittedEventArrivesOnceInWriteOrderPerList() throws Exception {
        List<String> lists = List.of(listKey("collection"), listKey("release"));
        List<ChangeEvent> written = new ArrayList<>();
        for (int revision = 1; revision <= 5; revision++) {
            for (String list : lists) {
                written.add(OutboxTest.event(list, revision));
            }
        }
        inTransaction(session -> appendAll(session, written));

        Map<String, List<Delivery>> received = receive(lists, written.size());
        for (String list : lists) {
            List<ChangeEvent> expected = written.stream().filter(event -> event.listKey().equals(list)).toList();
            List<Delivery> arrived = received.get(list);
            assertEquals(expected.stream().map(event -> event.id().toString()).toList(),
                    arrived.stream().map(delivery -> delivery.body().path("id").asText()).toList(),
                    "each event once, in write order");
            for (int i = 0; i < expected.size(); i++) {
                assertDelivered(expected.get(i), arrived.get(i));
            }
        }
        assertSent(written);
    }

    @Test
    void anEventOfARolledBackTransactionIsNeverPublished() throws Exception {
        String list = listKey("collection");
        ChangeEvent rolledBack = OutboxTest.event(list, 1);
        assertThrows(IllegalStateException.class, () -> inTransaction(session -> outbox.append(session, rolledBack)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change failed")))));
        ChangeEvent committed = OutboxTest.event(list, 1);
        inTransaction(session -> outbox.append(session, committed));

        List<Delivery> arrived = receive(List.of(list), 1).get(list);
        assertEquals(List.of(committed.id().toString()),
                arrived.stream().map(delivery -> delivery.body().path("id").asText()).toList());
        // Nor after it: another pass, and a moment for anything it published to arrive.
        relay.tick().await().atMost(Duration.ofSeconds(10));
        Thread.sleep(200);
        assertFalse(deliveries.stream().anyMatch(delivery -> delivery.body().path("id").asText()
                .equals(rolledBack.id().toString())), "the rolled-back event was published");
    }

    @Test
    void racingPassesPublishNothingTwice() throws Exception {
        List<String> lists = List.of(listKey("collection"), listKey("collection"), listKey("release"));
        List<ChangeEvent> written = new ArrayList<>();
        for (int revision = 1; revision <= 20; revision++) {
            for (String list : lists) {
                written.add(OutboxTest.event(list, revision));
            }
        }
        inTransaction(session -> appendAll(session, written));

        // Four passes at once, as from four replicas, until none finds anything left.
        int published;
        do {
            published = Uni.join().all(relay.tick(), relay.tick(), relay.tick(), relay.tick()).andFailFast()
                    .await().atMost(Duration.ofSeconds(30)).stream().mapToInt(Integer::intValue).sum();
        } while (published > 0);

        assertEachOnceInWriteOrder(lists, written);
        assertSent(written);
    }

    /**
     * Many events over several lists, each list's in write order, and how fast: passes run back to
     * back from the commit until every event is marked sent. The figure is printed, not asserted:
     * it depends on the machine and the broker.
     */
    @Test
    void manyEventsOfSeveralListsArriveInWriteOrderPerList() throws Exception {
        List<String> lists = List.of(listKey("collection"), listKey("release"), listKey("collection"),
                listKey("release"), listKey("collection"));
        List<ChangeEvent> written = new ArrayList<>();
        for (int revision = 1; revision <= 100; revision++) {
            for (String list : lists) {
                written.add(OutboxTest.event(list, revision));
            }
        }
        inTransaction(session -> appendAll(session, written));

        long start = System.nanoTime();
        while (sent(written) < written.size()) {
            relay.tick().await().atMost(Duration.ofSeconds(30));
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("relay throughput: %d events of %d lists published and marked sent in %d ms, %.0f events/s (%s)%n",
                written.size(), lists.size(), elapsedMillis, written.size() * 1000.0 / Math.max(1, elapsedMillis),
                System.getenv("RABBITMQ_HOST") == null ? "embedded broker" : "RabbitMQ");

        assertEachOnceInWriteOrder(lists, written);
    }

    @Test
    void aListHeldByAnotherRelayWaitsAndShowsAsBacklog() throws Exception {
        String list = listKey("release");
        List<ChangeEvent> written = List.of(OutboxTest.event(list, 1), OutboxTest.event(list, 2));
        inTransaction(session -> appendAll(session, written));
        try (Connection otherRelay = TestDatabase.connect()) {
            otherRelay.setAutoCommit(false);
            try (PreparedStatement hold = otherRelay.prepareStatement(
                    "SELECT 1 FROM event_outbox WHERE id = ? FOR UPDATE")) {
                hold.setObject(1, written.get(0).id());
                hold.executeQuery().close();
            }
            relay.tick().await().atMost(Duration.ofSeconds(10));
            Management.request().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'Event outbox' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'Event outbox' }.data.pending", greaterThanOrEqualTo(2))
                    .body("checks.find { it.name == 'Event outbox' }.data.publishing", equalTo(true));
            String metrics = Management.request().get("/q/metrics").then().statusCode(200).extract().asString();
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("trackorder_events_outbox_pending ")
                    && Double.parseDouble(line.split(" ")[1]) >= 2), "pending gauge");
            assertTrue(metrics.contains("trackorder_events_outbox_oldest_pending_age_seconds "), "age gauge");
            assertFalse(deliveries.stream().anyMatch(delivery -> delivery.body().path("subject").asText()
                    .startsWith("revision/") && list.equals(listOf(delivery))), "nothing of the held list went out");
            otherRelay.rollback();
        }
        assertEquals(2, receive(List.of(list), 2).get(list).size());
        Management.request().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Event outbox"));
    }

    private static void assertDelivered(ChangeEvent event, Delivery delivery) {
        assertEquals(event.type(), delivery.routingKey(), "routed by type");
        assertEquals(CloudEvents.CONTENT_TYPE, delivery.properties().getContentType());
        assertEquals(2, delivery.properties().getDeliveryMode(), "persistent");
        JsonNode body = delivery.body();
        assertEquals("1.0", body.path("specversion").asText());
        assertEquals(event.type(), body.path("type").asText());
        assertEquals(event.source(), body.path("source").asText());
        assertEquals(event.subject(), body.path("subject").asText());
        assertEquals(event.time().toString(), body.path("time").asText());
        assertEquals("application/json", body.path("datacontenttype").asText());
        assertEquals(event.revision(), body.path("data").path("revision").asLong());
    }

    /** Every written event arrives once, each list's in write order. */
    private void assertEachOnceInWriteOrder(List<String> lists, List<ChangeEvent> written) throws InterruptedException {
        Map<String, List<Delivery>> received = receive(lists, written.size());
        for (String list : lists) {
            assertEquals(
                    written.stream().filter(event -> event.listKey().equals(list)).map(e -> e.id().toString()).toList(),
                    received.get(list).stream().map(delivery -> delivery.body().path("id").asText()).toList(),
                    "each event once, in write order");
        }
    }

    /** The events of these lists, by list, once {@code count} arrived; fails after 20 s. */
    private Map<String, List<Delivery>> receive(List<String> lists, int count) throws InterruptedException {
        Map<String, List<Delivery>> byList = new HashMap<>();
        lists.forEach(list -> byList.put(list, new ArrayList<>()));
        Set<String> ids = new HashSet<>();
        int arrived = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (arrived < count) {
            Delivery delivery = deliveries.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertTrue(delivery != null, "only " + arrived + " of " + count + " events arrived");
            List<Delivery> ofList = byList.get(listOf(delivery));
            if (ofList != null) {
                assertTrue(ids.add(delivery.body().path("id").asText()), "published twice: " + delivery.body());
                ofList.add(delivery);
                arrived++;
            }
        }
        return byList;
    }

    /** The list an event came from: its source is the list key's path ({@link OutboxTest#event}). */
    private static String listOf(Delivery delivery) {
        return delivery.body().path("source").asText().substring(1).replaceFirst("/", ":");
    }

    /**
     * Waits up to 10 s for every event to be marked sent: a pass commits its marks only after the
     * broker confirmed, so a consumer may see the events first.
     */
    private static void assertSent(List<ChangeEvent> events) throws Exception {
        long sent = 0;
        for (int attempt = 0; attempt < 100 && sent < events.size(); attempt++) {
            if (attempt > 0) {
                Thread.sleep(100);
            }
            sent = sent(events);
        }
        assertEquals(events.size(), sent, "every event is marked sent");
    }

    /** How many of these events are marked sent. */
    private static long sent(List<ChangeEvent> events) throws Exception {
        try (Connection db = TestDatabase.connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT count(*) FROM event_outbox WHERE id = ANY (?) AND sent_at IS NOT NULL")) {
            query.setArray(1, db.createArrayOf("uuid", events.stream().map(ChangeEvent::id).toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String listKey(String kind) {
        return kind + ":relay-test/" + UUID.randomUUID();
    }

    private Uni<Void> appendAll(Mutiny.Session session, List<ChangeEvent> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ChangeEvent event : events) {
            chain = chain.chain(() -> outbox.append(session, event));
        }
        return chain;
    }

    private <T> T inTransaction(Function<Mutiny.Session, Uni<T>> work) {
        return DetachedWork.run(vertx, () -> sessions.withTransaction(session -> work.apply(session))).await()
                .atMost(Duration.ofSeconds(10));
    }
}
