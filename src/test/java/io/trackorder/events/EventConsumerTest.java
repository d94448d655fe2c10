package io.trackorder.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trackorder.support.Api;
import io.trackorder.support.Concurrently;
import io.trackorder.support.MessageBroker;
import io.trackorder.support.Releases;
import io.trackorder.support.WrittenEvents;

/**
 * A consumer's view of the events, end to end: a queue bound to {@code trackorder.events} receives
 * what a realistic mix of changes through both public APIs publishes, concurrent reorders of the
 * same lists by several clients included. For every list, whatever the changes were, the consumer
 * must be able to rebuild it: every event once, well-formed, the order changes at revisions
 * 1, 2, … without a gap up to the revision the API reports, each carrying the order the API
 * recorded at that revision, and one event for each other committed change.
 */
@QuarkusTest
class EventConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS_PER_LIST = 3;
    private static final int ROUNDS_PER_CLIENT = 4;

    private com.rabbitmq.client.Connection broker;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Instant started = Instant.now();

    record Received(String routingKey, String contentType, String messageId, JsonNode body) {
    }

    /** What a client saw of a list at one revision. */
    record Snapshot(long revision, String tag, List<String> order) {
    }

    /**
     * One list behind its API, for the changes every list has (reading, reordering, the history)
     * and what the consumer checks of every list.
     */
    abstract static class Watched {

        /** The order the API answered or recorded at a revision, as clients saw it. */
        final Map<Long, List<String>> seen = new ConcurrentHashMap<>();
        /** The events other than order and membership changes, in the order their changes were made. */
        final List<String> otherChanges = new ArrayList<>();

        abstract String source();

        abstract String subject();

        abstract String types();

        /** The types whose changes raise the revision. */
        abstract Set<String> orderChanges();

        abstract Snapshot read();

        /** The order the history recorded at {@code revision}; empty before the first entry of a collection. */
        abstract List<String> recorded(long revision);

        /** Reorders to {@code order}, conditional when {@code tag} is not null; the answer. */
        abstract Response reorder(List<String> order, String tag);

        /** The order an accepted reorder's answer shows, or null if it shows none. */
        abstract List<String> answeredOrder(Response answer);

        abstract long revisionOf(String tag);

        void change(String name) {
            otherChanges.add(name);
        }
    }

    static final class WatchedCollection extends Watched {

        final Api.Caller caller;
        final String id;

        WatchedCollection(Api.Caller caller, String id) {
            this.caller = caller;
            this.id = id;
            change("created");
        }

        String path(String rest) {
            return caller.path("/collections/" + id + rest);
        }

        @Override
        String source() {
            return caller.path("/collections/" + id);
        }

        @Override
        String subject() {
            return id;
        }

        @Override
        String types() {
            return "io.trackorder.collection.";
        }

        @Override
        Set<String> orderChanges() {
            return Set.of("reordered", "member_added", "member_removed");
        }

        @Override
        Snapshot read() {
            Response page = caller.request().get(path("/tracks?limit=500")).then().statusCode(200).extract().response();
            return new Snapshot(revisionOf(page.header("ETag")), page.header("ETag"), page.path("items.track_id"));
        }

        @Override
        List<String> recorded(long revision) {
            return revision == 0 ? List.of() : caller.recordedOrder(id, revision);
        }

        @Override
        Response reorder(List<String> order, String tag) {
            return conditional(caller.request(), tag).body(Map.of("ordered_track_ids", order)).patch(path("/order"));
        }

        @Override
        List<String> answeredOrder(Response answer) {
            return null;
        }

        @Override
        long revisionOf(String tag) {
            return Long.parseLong(tag.replace("\"", ""));
        }
    }

    static final class WatchedRelease extends Watched {

        final Releases.Member member;
        final String id;

        WatchedRelease(Releases.Member member, int tracks) {
            this.member = member;
            this.id = member.newRelease(tracks);
            change("created");
        }

        @Override
        String source() {
            return "/releases/" + id;
        }

        @Override
        String subject() {
            return id;
        }

        @Override
        String types() {
            return "io.trackorder.release.";
        }

        @Override
        Set<String> orderChanges() {
            return Set.of("tracks_reordered", "track_added", "track_removed");
        }

        @Override
        Snapshot read() {
            Response tracks = member.request().get(source() + "/tracks").then().statusCode(200).extract().response();
            return new Snapshot(revisionOf(tracks.header("ETag")), tracks.header("ETag"), tracks.path("data.id"));
        }

        @Override
        List<String> recorded(long revision) {
            return member.request().get(source() + "/tracks/history/" + revision).then().statusCode(200).extract()
                    .path("data.trackIds");
        }

        @Override
        Response reorder(List<String> order, String tag) {
            return conditional(member.request(), tag).body(Map.of("trackOrder", order)).post(source() + "/tracks/reorder");
        }

        @Override
        List<String> answeredOrder(Response answer) {
            return answer.path("data.id");
        }

        @Override
        long revisionOf(String tag) {
            return Long.parseLong(tag.replace("\"", "").split("\\.")[0]);
        }
    }

    @BeforeEach
    void bindQueue() throws Exception {
        broker = MessageBroker.fromEnvironmentOrEmbedded().connect();
        Channel channel = broker.createChannel();
        String queue = channel.queueDeclare().getQueue();
        MessageBroker.bindToEveryEvent(channel, queue);
        channel.basicConsume(queue, true, (tag, message) -> received.add(new Received(
                message.getEnvelope().getRoutingKey(), message.getProperties().getContentType(),
                message.getProperties().getMessageId(),
                JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8)))), tag -> {
                });
    }

    @AfterEach
    void closeBroker() throws Exception {
        broker.close();
    }

    @Test
    void aConsumerCanRebuildEveryListFromItsEvents() throws Exception {
        Api.Caller caller = Api.newCaller();
        WatchedCollection mix = collectionChanges(caller);
        WatchedCollection covered = coverDeleted(caller);
        Releases.Member member = Releases.newMember();
        WatchedRelease album = releaseChanges(member);
        WatchedRelease single = new WatchedRelease(member, 4);
        List<Watched> lists = List.of(mix, covered, album, single);

        concurrentReorders(lists);
        // Changes after the race: a consumer sees them after every reorder's event.
        mix.caller.request().body(Map.of("description", "after the race")).patch(mix.path("")).then().statusCode(200);
        mix.change("updated");
        member.request().post(album.source() + "/submit").then().statusCode(200);
        album.change("submitted");

        Map<Watched, Snapshot> last = new HashMap<>();
        for (Watched list : lists) {
            last.put(list, list.read());
        }
        Map<String, List<Received>> bySource = awaitEvents(lists, last);
        Set<String> ids = new HashSet<>();
        for (Watched list : lists) {
            List<Received> events = bySource.get(list.source());
            for (Received event : events) {
                assertTrue(ids.add(event.body().path("id").asText()), "received twice: " + event);
                assertWellFormed(list, event);
            }
            assertRebuildable(list, events, last.get(list));
        }
    }

    /** Every kind of change of a collection, one after the other. */
    private static WatchedCollection collectionChanges(Api.Caller caller) {
        WatchedCollection list = new WatchedCollection(caller, caller.newCollection());
        caller.request().body(Map.of("name", "Road trip")).patch(list.path("")).then().statusCode(200);
        list.change("updated");
        List<String> tracks = caller.addNewTracks(list.id, 6);
        caller.add(list.id, tracks.get(0));
        List<String> reversed = new ArrayList<>(tracks);
        Collections.reverse(reversed);
        list.reorder(reversed, null).then().statusCode(200);
        // The same order again changes nothing.
        list.reorder(reversed, null).then().statusCode(200);
        caller.move(list.id, Map.of("range_start", 0, "range_length", 2, "insert_before", 5)).then().statusCode(200);
        caller.move(list.id, Map.of("track_ids", List.of(tracks.get(2)), "after_track_id", tracks.get(4))).then()
                .statusCode(200);
        caller.request().delete(list.path("/tracks/" + tracks.get(1))).then().statusCode(200);
        caller.restore(list.id, Map.of("revision", 7)).then().statusCode(200);
        // Deleted from the catalogue: it leaves the collection.
        caller.request().delete(caller.path("/tracks/" + tracks.get(3))).then().statusCode(200);
        caller.add(list.id, caller.newTrack());
        return list;
    }

    /** A collection whose cover track is deleted from the catalogue while a member of it. */
    private static WatchedCollection coverDeleted(Api.Caller caller) {
        String cover = caller.newTrack();
        String id = caller.request().body(Map.of("name", "covered", "cover_track_id", cover))
                .post(caller.path("/collections")).then().statusCode(201).extract().path("id");
        WatchedCollection list = new WatchedCollection(caller, id);
        caller.addNewTracks(id, 2);
        caller.add(id, cover);
        caller.addNewTracks(id, 2);
        caller.request().delete(caller.path("/tracks/" + cover)).then().statusCode(200);
        list.change("updated");
        return list;
    }

    /** Every kind of change of a release's tracks, one after the other. */
    private static WatchedRelease releaseChanges(Releases.Member member) {
        WatchedRelease list = new WatchedRelease(member, 3);
        String path = list.source();
        member.request().body(Map.of("title", "Renamed")).put(path).then().statusCode(200);
        list.change("updated");
        member.request().body(Map.of("title", "4")).post(path + "/tracks").then().statusCode(201);
        member.request().body(Map.of("title", "5")).post(path + "/tracks").then().statusCode(201);
        List<String> tracks = member.trackIds(list.id);
        member.request().body(Map.of("lyrics", "la")).put(path + "/tracks/" + tracks.get(0)).then().statusCode(200);
        list.change("track_updated");
        List<String> reversed = new ArrayList<>(tracks);
        Collections.reverse(reversed);
        list.reorder(reversed, null).then().statusCode(200);
        member.request().body(Map.of("rangeStart", 1, "rangeLength", 2, "insertBefore", 0)).post(path + "/tracks/move")
                .then().statusCode(200);
        member.request().body(Map.of("trackIds", List.of(tracks.get(4)), "beforeTrackId", tracks.get(1)))
                .post(path + "/tracks/move").then().statusCode(200);
        member.request().delete(path + "/tracks/" + tracks.get(2)).then().statusCode(200);
        member.request().body(Map.of("revision", 3)).post(path + "/tracks/restore").then().statusCode(200);
        return list;
    }

    /**
     * Several clients per list, every list at once, each reading the list and sending a shuffled
     * order of it, half of them conditional on what they read: some lose with 412 (or 409).
     */
    private static void concurrentReorders(List<Watched> lists) throws Exception {
        List<IntSupplier> calls = new ArrayList<>();
        for (Watched list : lists) {
            for (int client = 0; client < CLIENTS_PER_LIST; client++) {
                Random random = new Random(31L * lists.indexOf(list) + client);
                boolean conditional = client % 2 == 0;
                for (int round = 0; round < ROUNDS_PER_CLIENT; round++) {
                    calls.add(() -> reorderAsRead(list, random, conditional));
                }
            }
        }
        Collections.shuffle(calls, new Random(7));
        List<Integer> statuses = Concurrently.statuses(calls, 8);
        assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 412 || status == 409),
                statuses.toString());
        assertTrue(statuses.contains(200), statuses.toString());
    }

    private static int reorderAsRead(Watched list, Random random, boolean conditional) {
        Snapshot read = list.read();
        List<String> order = new ArrayList<>(read.order());
        synchronized (random) {
            Collections.shuffle(order, random);
        }
        Response answer = list.reorder(order, conditional ? read.tag() : null);
        if (answer.statusCode() != 200) {
            return answer.statusCode();
        }
        long revision = list.revisionOf(answer.header("ETag"));
        if (conditional) {
            assertEquals(order.equals(read.order()) ? read.revision() : read.revision() + 1, revision,
                    "a conditional reorder changes the revision it was made against, or nothing");
        }
        // Every reorder here names every member: after it, whoever else changed the list, the
        // order at the revision it answers is the order it sent.
        list.seen.put(revision, order);
        List<String> answered = list.answeredOrder(answer);
        if (answered != null) {
            assertEquals(order, answered);
        }
        return 200;
    }

    /**
     * Waits until each list has as many events as its changes (its revision, one event per order or
     * membership change, and one per other change), then a few relay intervals more, for events
     * that should not come.
     */
    private Map<String, List<Received>> awaitEvents(List<Watched> lists, Map<Watched, Snapshot> last)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!lists.stream().allMatch(list -> ofList(list).size() >= expectedCount(list, last.get(list)))) {
            if (System.nanoTime() > deadline) {
                fail("events missing: " + lists.stream().map(list -> list.source() + " " + ofList(list).size() + "/"
                        + expectedCount(list, last.get(list))).toList());
            }
            Thread.sleep(100);
        }
        Thread.sleep(3_000);
        Map<String, List<Received>> bySource = new HashMap<>();
        for (Watched list : lists) {
            bySource.put(list.source(), ofList(list));
        }
        return bySource;
    }

    private static long expectedCount(Watched list, Snapshot last) {
        return last.revision() + list.otherChanges.size();
    }

    private List<Received> ofList(Watched list) {
        return received.stream().filter(event -> event.body().path("source").asText().equals(list.source())).toList();
    }

    private void assertWellFormed(Watched list, Received event) {
        JsonNode body = event.body();
        assertEquals("1.0", body.path("specversion").asText());
        UUID id = UUID.fromString(body.path("id").asText());
        assertEquals(id.toString(), event.messageId());
        assertEquals(list.source(), body.path("source").asText());
        assertEquals(list.subject(), body.path("subject").asText());
        String type = body.path("type").asText();
        assertTrue(type.startsWith(list.types()), type);
        assertEquals(type, event.routingKey());
        assertEquals(CloudEvents.CONTENT_TYPE, event.contentType());
        assertEquals("application/json", body.path("datacontenttype").asText());
        String time = body.path("time").asText();
        assertTrue(time.endsWith("Z"), "RFC 3339 in UTC: " + time);
        Instant when = Instant.parse(time);
        assertTrue(!when.isBefore(started.minusSeconds(5)) && !when.isAfter(Instant.now()), time);
        assertTrue(body.path("data").path("revision").isIntegralNumber(), body.toString());
        assertTrue(body.path("data").path("actor").isTextual(), body.toString());
    }

    /** What a consumer needs to rebuild the list, against what the API shows of it. */
    private static void assertRebuildable(Watched list, List<Received> events, Snapshot last) {
        List<Long> orderRevisions = new ArrayList<>();
        List<String> others = new ArrayList<>();
        long previous = -1;
        for (Received event : events) {
            JsonNode data = event.body().path("data");
            long revision = data.path("revision").asLong();
            assertTrue(revision >= previous, "revisions never go back: " + events);
            previous = revision;
            String name = event.body().path("type").asText().substring(list.types().length());
            if (!list.orderChanges().contains(name)) {
                others.add(name);
                continue;
            }
            orderRevisions.add(revision);
            List<String> recorded = list.recorded(revision);
            if (data.has("track_ids")) {
                assertEquals(recorded, WrittenEvents.ids(data.path("track_ids")), "the order at " + revision);
            } else {
                // An addition names the member and its place: the order before it, then the member.
                List<String> before = new ArrayList<>(list.recorded(revision - 1));
                before.add(data.path("track_id").asText());
                assertEquals(recorded, before, "the addition at " + revision);
            }
            List<String> seen = list.seen.get(revision);
            if (seen != null) {
                assertEquals(seen, recorded, "the order a client was answered at " + revision);
            }
        }
        List<Long> everyRevision = new ArrayList<>();
        for (long revision = 1; revision <= last.revision(); revision++) {
            everyRevision.add(revision);
        }
        assertEquals(everyRevision, orderRevisions, "one event per order change, no gap, none missing: " + events);
        assertEquals(list.otherChanges, others, "one event per other change, in order");
        assertEquals(last.order(), list.recorded(last.revision()), "the last event's order is the list's");
        assertTrue(list.seen.keySet().stream().allMatch(revision -> revision <= last.revision()));
    }

    private static RequestSpecification conditional(RequestSpecification request, String tag) {
        return tag == null ? request : request.header("If-Match", tag);
    }
}
