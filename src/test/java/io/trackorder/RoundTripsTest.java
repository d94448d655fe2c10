package io.trackorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;
import io.trackorder.support.SpanCapture;

/**
 * The statements a reorder sends, counted from the reactive client's spans (one per statement the
 * driver sends; the transaction's begin and commit are not among them). A reorder locks the list
 * (the same query turns nested loops off), reorders, and for a release reads the tracks back; an
 * API key used moments before is not looked up again.
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

        List<String> statements = statementsOf(() -> caller.request()
                .body(Map.of("ordered_track_ids", List.of(b, a)))
                .patch(caller.path("/collections/" + collection + "/order")).then().statusCode(200));

        assertEquals(2, statements.size(), String.join("\n---\n", statements));
        assertTrue(statements.get(0).contains("set_config("), statements.get(0));
        assertTrue(statements.get(1).startsWith("WITH requested AS"), statements.get(1));
    }

    @Test
    void aReleaseReorderIsThreeStatements() throws Exception {
        Releases.Member member = Releases.newMember();
        String release = member.newRelease(3);
        List<String> tracks = member.trackIds(release);

        List<String> statements = statementsOf(() -> member.request()
                .body(Map.of("trackOrder", List.of(tracks.get(2), tracks.get(0))))
                .post("/releases/" + release + "/tracks/reorder").then().statusCode(200));

        assertEquals(3, statements.size(), String.join("\n---\n", statements));
        assertTrue(statements.get(0).contains("set_config("),
                statements.get(0));
        assertTrue(statements.get(1).startsWith("WITH requested AS"), statements.get(1));
    }

    private List<String> statementsOf(Supplier<ValidatableResponse> request) throws InterruptedException {
        try (SpanCapture capture = spans.start()) {
            return capture.statements(request.get().extract().header("X-Request-Id"));
        }
    }
}
