package io.trackorder.apikeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trackorder.support.Api;
import io.trackorder.support.SpanCapture;
import io.trackorder.support.TestDatabase;

/**
 * With {@code music.database.pooler=transaction} and no listen URL, nothing listens for revocations
 * through the pool (a transaction pooler would swallow the notices), so no key is cached: every
 * request looks its key up. The pool's pooler mode (unnamed statements parsed with each execution,
 * none cached) works against PostgreSQL itself too, here the tests' database without a pooler; CI
 * runs the HTTP tests through PgBouncer.
 */
@QuarkusTest
@TestProfile(BehindTransactionPoolerTest.WithoutListenUrl.class)
class BehindTransactionPoolerTest {

    public static class WithoutListenUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Empty is unset, whatever the environment says.
            return Map.of("music.database.pooler", "transaction", "music.database.listen-url", "");
        }
    }

    @Inject
    SpanCapture spans;

    @Test
    void everyRequestLooksTheKeyUp() throws Exception {
        Api.Caller caller = Api.newCaller();

        for (int request = 0; request < 3; request++) {
            assertTrue(VerifiedKeysTest.looksUpTheKey(spans, caller), "request " + request + " looks the key up");
        }
    }

    @Test
    void reordersWork() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> tracks = caller.addNewTracks(collection, 3);
        List<String> reordered = List.of(tracks.get(2), tracks.get(0), tracks.get(1));

        caller.request().body(Map.of("ordered_track_ids", reordered))
                .patch(caller.path("/collections/" + collection + "/order")).then().statusCode(200);

        assertEquals(reordered, TestDatabase.denseOrder(caller.organizationId(), collection));
    }
}
