package io.trackorder.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.ordering.ReorderRule;
import io.trackorder.support.Api;
import io.trackorder.support.TestDatabase;

/**
 * Seeded random reorders through the API against the pure rule: the one SQL statement must
 * produce exactly {@link ReorderRule#apply}'s order. The seed is in every failure message.
 */
@QuarkusTest
class ReorderSqlMatchesRuleTest {

    @Test
    void randomReordersMatchTheRule() throws Exception {
        long seed = Long.getLong("reorder.seed", System.nanoTime());
        Random random = new Random(seed);
        Api.Caller caller = Api.newCaller();
        for (int round = 0; round < 40; round++) {
            String collection = caller.newCollection();
            List<String> members = TestDatabase.seedMembers(caller.organizationId(), caller.userId(), collection,
                    random.nextInt(25));
            List<String> current = new ArrayList<>(members);
            for (int step = 0; step < 3; step++) {
                List<String> candidates = new ArrayList<>(current);
                for (int i = random.nextInt(4); i > 0; i--) {
                    candidates.add("mtrack_not_a_member_" + random.nextInt(1000));
                }
                Collections.shuffle(candidates, random);
                List<String> requested = new ArrayList<>(
                        candidates.subList(0, random.nextInt(candidates.size() + 1)).stream().distinct().toList());

                caller.request().body(Map.of("ordered_track_ids", requested))
                        .patch(caller.path("/collections/" + collection + "/order"))
                        .then().statusCode(200);

                List<String> expected = ReorderRule.apply(current, requested);
                assertEquals(expected, TestDatabase.denseOrder(caller.organizationId(), collection),
                        "seed " + seed + ", round " + round + ", step " + step + ": " + current + " by " + requested);
                current = expected;
            }
        }
    }
}
