package io.trackorder.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.ordering.RepositoryLists.OrderedMembers;
import io.trackorder.ordering.RepositoryLists.Surface;

/**
 * Seeded random reorders straight through both repositories, each with the {@link OrderedList} it
 * configures, under the parent row lock a reorder takes, against the pure rule: after the one statement the order in the
 * database is exactly
 * {@link ReorderRule#apply}'s, the positions are dense from the surface's first position, and the
 * parent's revision goes up by one exactly when the order changed. The seed is in every failure message.
 */
@QuarkusTest
class OrderedListMatchesRuleTest {

    private static final long SEED = Long.getLong("reorder.seed", System.nanoTime());

    @Inject
    RepositoryLists lists;

    @Test
    void collectionReordersMatchTheRule() throws Exception {
        randomReordersMatchTheRule(lists.collections());
    }

    @Test
    void releaseReordersMatchTheRule() throws Exception {
        randomReordersMatchTheRule(lists.releases());
    }

    @Test
    void theLongestCollectionsReorderMatchesTheRule() throws Exception {
        longestListsMatchTheRule(lists.collections());
    }

    @Test
    void theLongestReleasesReorderMatchesTheRule() throws Exception {
        longestListsMatchTheRule(lists.releases());
    }

    private static void randomReordersMatchTheRule(Surface surface) throws Exception {
        Random random = new Random(SEED);
        OrderedMembers neighbour = surface.newList(3);
        for (int round = 0; round < 30; round++) {
            int size = round < 3 ? round : 1 + random.nextInt(30);
            OrderedMembers list = surface.newList(size);
            for (int step = 0; step < 4; step++) {
                List<String> current = list.order();
                assertReorderMatchesTheRule(list, current, request(random, current, list, neighbour),
                        "round " + round + ", step " + step);
            }
        }
    }

    private static void longestListsMatchTheRule(Surface surface) throws Exception {
        Random random = new Random(SEED);
        OrderedMembers list = surface.newList(surface.maxSize());
        List<String> reversed = new ArrayList<>(list.order());
        Collections.reverse(reversed);
        assertReorderMatchesTheRule(list, list.order(), reversed, "reversed");
        List<String> shuffled = new ArrayList<>(list.order());
        Collections.shuffle(shuffled, random);
        assertReorderMatchesTheRule(list, list.order(), shuffled, "shuffled");
        List<String> last = list.order();
        assertReorderMatchesTheRule(list, last, List.of(last.get(last.size() - 1)), "the last one first");
        assertReorderMatchesTheRule(list, list.order(), list.order(), "unchanged");
    }

    /**
     * A request a service lets through: distinct ids, of the member type, in any mix of members,
     * members of another list and ids of nothing; empty, partial, complete or the current order.
     */
    private static List<String> request(Random random, List<String> current, OrderedMembers list,
            OrderedMembers neighbour) throws SQLException {
        List<String> requested = switch (random.nextInt(6)) {
            case 0 -> List.of();
            case 1 -> current;
            case 2 -> {
                List<String> all = new ArrayList<>(current);
                Collections.shuffle(all, random);
                yield all;
            }
            default -> {
                List<String> candidates = new ArrayList<>(current);
                for (int i = random.nextInt(4); i > 0; i--) {
                    candidates.add(list.stranger(random));
                }
                candidates.addAll(neighbour.order().subList(0, random.nextInt(4)));
                Collections.shuffle(candidates, random);
                yield candidates.subList(0, random.nextInt(candidates.size() + 1));
            }
        };
        return requested.stream().distinct().toList();
    }

    private static void assertReorderMatchesTheRule(OrderedMembers list, List<String> current, List<String> requested,
            String step) throws SQLException {
        long revision = list.revision();
        List<String> expected = ReorderRule.apply(current, requested);
        String context = "seed " + SEED + ", " + step + ": " + abbreviated(current) + " by " + abbreviated(requested);

        boolean changed = list.reorder(requested, ChangeKind.REORDER);

        assertEquals(expected, list.order(), context);
        assertEquals(!expected.equals(current), changed, "reported change, " + context);
        assertEquals(changed ? revision + 1 : revision, list.revision(), "revision, " + context);
    }

    private static String abbreviated(List<String> ids) {
        return ids.size() <= 40 ? ids.toString() : ids.subList(0, 40) + "… (" + ids.size() + ")";
    }
}
