package io.trackorder.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Api;
import io.trackorder.support.Management;
import io.trackorder.support.MessageBroker;
import io.trackorder.support.TestDatabase;
import io.trackorder.support.WrittenEvents;

/**
 * The broker stops while the service runs and events flow, and starts again: changes made meanwhile
 * succeed and wait in the outbox as backlog, and once the broker is back the same running service
 * delivers every event to a durable queue bound to the exchange, each list's in write (revision)
 * order, none lost and none twice. The embedded broker restarts in this JVM; the machine's RabbitMQ
 * (RABBITMQ_HOST) through {@code rabbitmqctl stop_app} and {@code start_app}.
 */
@QuarkusTest
class BrokerRestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MessageBroker broker = MessageBroker.fromEnvironmentOrEmbedded();
    private final String queue = "trackorder.broker-restart-test." + UUID.randomUUID();
    private final BlockingQueue<JsonNode> deliveries = new LinkedBlockingQueue<>();
    private com.rabbitmq.client.Connection consumer;

    @BeforeEach
    void bindDurableQueue() throws Exception {
        // Durable, and a consumer that reconnects by itself: both outlive the broker's restart.
        ConnectionFactory factory = broker.connectionFactory();
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(200);
        consumer = factory.newConnection("broker-restart-test");
        Channel channel = consumer.createChannel();
        channel.queueDeclare(queue, true, false, false, null);
        MessageBroker.bindToEveryEvent(channel, queue);
        channel.basicConsume(queue, true, (tag, message) -> deliveries.add(
                JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8))), tag -> {
                });
    }

    @AfterEach
    void deleteQueue() throws Exception {
        try (Channel channel = consumer.createChannel()) {
            channel.queueDelete(queue);
        }
        consumer.close();
    }

    @Test
    void eventsMadeDuringAnOutageArriveOnceInOrderAfterIt() throws Exception {
        Api.Caller caller = Api.newCaller();
        Map<String, List<String>> tracks = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String collection = caller.newCollection();
            tracks.put(collection, caller.addNewTracks(collection, 3));
        }
        Map<String, List<String>> received = new LinkedHashMap<>();
        tracks.keySet().forEach(collection -> received.put(listKey(caller, collection), new ArrayList<>()));
        receiveAll(received);

        broker.stop();
        int changesDuringOutage = 0;
        try {
            for (int round = 0; round < 4; round++) {
                for (Map.Entry<String, List<String>> collection : tracks.entrySet()) {
                    List<String> order = new ArrayList<>(collection.getValue());
                    order.add(order.remove(0));
                    collection.setValue(order);
                    caller.request().body(Map.of("ordered_track_ids", order))
                            .patch(caller.path("/collections/" + collection.getKey() + "/order"))
                            .then().statusCode(200);
                    changesDuringOutage++;
                }
            }
            // A few of the relay's passes fail meanwhile; the events stay pending and show as backlog.
            Thread.sleep(3_000);
            assertEquals(changesDuringOutage, pending(received.keySet()), "pending while the broker is down");
            String metrics = Management.request().get("/q/metrics").then().statusCode(200).extract().asString();
            int expectedBacklog = changesDuringOutage;
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("trackorder_events_outbox_pending ")
                    && Double.parseDouble(line.split(" ")[1]) >= expectedBacklog), "backlog gauge");
        } finally {
            broker.start();
        }

        receiveAll(received);
        // A pass commits its marks after the broker confirmed, so the consumer may see the events first.
        long sentBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pending(received.keySet()) > 0 && System.nanoTime() < sentBy) {
            Thread.sleep(100);
        }
        assertEquals(0, pending(received.keySet()), "every event is marked sent");
        // Nothing more comes: no event is published twice, not even late.
        Thread.sleep(2_000);
        List<JsonNode> late = new ArrayList<>();
        deliveries.drainTo(late);
        assertEquals(List.of(), late.stream().filter(event -> received.containsKey(listOf(event))).toList(),
                "published again after they arrived");
    }

    /**
     * Waits up to 60 s until every event written for these lists arrived, and checks that each list's
     * arrived exactly once and in write order.
     */
    private void receiveAll(Map<String, List<String>> received) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, List<String>> written = new LinkedHashMap<>();
        for (String list : received.keySet()) {
            written.put(list, WrittenEvents.idsOfList(list));
        }
        while (!received.equals(written)) {
            JsonNode event = deliveries.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertTrue(event != null, "not everything arrived: " + received + " of " + written);
            List<String> ofList = received.get(listOf(event));
            if (ofList != null) {
                ofList.add(event.path("id").asText());
                List<String> expected = written.get(listOf(event));
                assertEquals(expected.subList(0, Math.min(ofList.size(), expected.size())), ofList,
                        "each event once, in write order");
            }
        }
    }

    private static long pending(Iterable<String> lists) throws Exception {
        try (Connection db = TestDatabase.connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT count(*) FROM event_outbox WHERE list_key = ANY (?) AND sent_at IS NULL")) {
            List<String> keys = new ArrayList<>();
            lists.forEach(keys::add);
            query.setArray(1, db.createArrayOf("text", keys.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String listKey(Api.Caller caller, String collection) {
        return "collection:" + caller.organizationId() + "/" + collection;
    }

    /** {@code /v1/music/{organization}/collections/{id}} as the list key {@code collection:{organization}/{id}}. */
    private static String listOf(JsonNode event) {
        String[] path = event.path("source").asText().split("/");
        return path.length == 6 && path[4].equals("collections") ? "collection:" + path[3] + "/" + path[5] : "";
    }
}
