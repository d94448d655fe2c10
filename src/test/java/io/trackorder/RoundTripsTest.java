package io.trackorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;
import io.trackorder.support.SpanCapture;

/**
 * The statements a reorder, a move or a restore sends, counted from the reactive client's spans (one
 * per statement the driver sends; the begin and commit of a transaction that Hibernate Reactive runs
 * have none). A reorder locks the list (the same query turns nested loops off), reorders or moves,
 * and for a release reads the tracks back; a restore also reads the recorded order. An API key used
 * moments before is not looked up again.
 * <p>
 * A collection's change runs as a pipelined transaction, whose begin and commit are statements of
 * their own, each sent with its neighbour: the spans then show how many times the service waited for
 * an answer before sending on, since a span starts when its statement is handed to the driver. (A
 * connection that has not prepared a statement yet also waits for the prepare, inside the driver;
 * the pool caches prepared statements, so that happens once per statement and connection.)
 */
@QuarkusTest
class RoundTripsTest {

    @Inject
    SpanCapture spans;

    @Test
    void aCollectionReorderWithAKeyJustUsedIsTwoStatements() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> added = caller.addNewTracks(collection, 2);
        String a = added.get(0);
        String b = added.get(1);

        Sent sent = sentBy(() -> caller.request()
                .body(Map.of("ordered_track_ids", List.of(b, a)))
                .patch(caller.path("/collections/" + collection + "/order")).then().statusCode(200));

        assertPipelined(sent, 2, 1, "WITH requested AS");
        assertEquals(2, sent.roundTrips(), sent.toString());
    }

    @Test
    void aReleaseReorderIsThreeStatements() throws Exception {
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(3);
        List<String> tracks = member.trackIds(release);

        List<String> statements = statementsOf(() -> member.request()
                .body(Map.of("trackOrder", List.of(tracks.get(2), tracks.get(0))))
                .post("/releases/" + release + "/tracks/reorder").then().statusCode(200));

        assertStatements(statements, 3, 1, "WITH requested AS");
    }

    @Test
    void collectionMovesAndARestoreWithAKeyJustUsedAreAFixedFewStatements() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> added = caller.addNewTracks(collection, 3);
        String moves = caller.path("/collections/" + collection + "/order/moves");

        Sent range = sentBy(() -> caller.request()
                .body(Map.of("range_start", 0, "range_length", 2, "insert_before", 3)).post(moves)
                .then().statusCode(200));
        Sent anchored = sentBy(() -> caller.request()
                .body(Map.of("track_ids", List.of(added.get(2)), "before_track_id", added.get(0))).post(moves)
                .then().statusCode(200));
        // Lock, read the entry, reorder.
        Sent restore = sentBy(() -> caller.request().body(Map.of("revision", 1))
                .post(caller.path("/collections/" + collection + "/order/restore")).then().statusCode(200));

        for (Sent move : List.of(range, anchored)) {
            assertPipelined(move, 2, 1, "WITH list AS");
            assertEquals(2, move.roundTrips(), move.toString());
        }
        assertPipelined(restore, 3, 2, "WITH requested AS");
        assertEquals(3, restore.roundTrips(), restore.toString());
    }

    @Test
    void releaseMovesAndARestoreAreAFixedFewStatements() throws Exception {
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(3);
        List<String> tracks = member.trackIds(release);
        String moves = "/releases/" + release + "/tracks/move";

        List<String> range = statementsOf(() -> member.request()
                .body(Map.of("rangeStart", 0, "rangeLength", 2, "insertBefore", 3)).post(moves)
                .then().statusCode(200));
        List<String> anchored = statementsOf(() -> member.request()
                .body(Map.of("trackIds", List.of(tracks.get(2)), "beforeTrackId", tracks.get(0))).post(moves)
                .then().statusCode(200));
        // Lock, read the entry, reorder, read the tracks back.
        List<String> restore = statementsOf(() -> member.request().body(Map.of("revision", 0))
                .post("/releases/" + release + "/tracks/restore").then().statusCode(200));

        for (List<String> statements : List.of(range, anchored)) {
            assertStatements(statements, 3, 1, "WITH list AS");
        }
        assertStatements(restore, 4, 2, "WITH requested AS");
    }

    /**
     * {@code count} statements, the first locking the list with nested loops off, the one at
     * {@code index} starting with {@code start}.
     */
    private static void assertStatements(List<String> statements, int count, int index, String start) {
        String all = String.join("\n---\n", statements);
        assertEquals(count, statements.size(), all);
        assertTrue(statements.get(0).contains("set_config("), all);
        assertTrue(statements.get(index).startsWith(start), all);
    }

    /**
     * {@code count} statements between the transaction's begin and commit, as {@link #assertStatements}
     * checks them.
     */
    private static void assertPipelined(Sent sent, int count, int index, String start) {
        List<String> statements = sent.statements();
        assertTrue(statements.size() >= 2, sent.toString());
        assertEquals("BEGIN", statements.get(0), sent.toString());
        assertEquals("COMMIT", statements.get(statements.size() - 1), sent.toString());
        assertStatements(statements.subList(1, statements.size() - 1), count, index, start);
    }

    private List<String> statementsOf(Supplier<ValidatableResponse> request) throws InterruptedException {
        return sentBy(request).statements();
    }

    private Sent sentBy(Supplier<ValidatableResponse> request) throws InterruptedException {
        try (SpanCapture capture = spans.start()) {
            return Sent.of(capture.statementSpans(request.get().extract().header("X-Request-Id")));
        }
    }

    /**
     * A request's statements, and its round trips: a statement sent after the one before it was
     * answered starts a new one.
     */
    private record Sent(List<String> statements, int roundTrips) {

        static Sent of(List<SpanData> spans) {
            int roundTrips = 0;
            long answered = Long.MIN_VALUE;
            for (SpanData span : spans) {
                if (span.getStartEpochNanos() >= answered) {
                    roundTrips++;
                }
                answered = span.getEndEpochNanos();
            }
            return new Sent(spans.stream().map(SpanCapture::statement).toList(), roundTrips);
        }
    }
}
