package io.trackorder.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.ordering.RepositoryLists.OrderedMembers;
import io.trackorder.ordering.RepositoryLists.Surface;

/**
 * Seeded random range moves, id moves and restores straight through both repositories, against
 * the pure rules: the order in the database is exactly {@link MoveRule}'s (a restore's
 * {@link ReorderRule#apply}'s with the recorded order), positions stay dense, the outcome reports
 * the list's length, the ids that are not members and whether the anchor is one, a move beyond the
 * list or naming a stranger writes nothing, and each change that changes the order raises the
 * revision by one and records exactly one history entry holding the order now in the database.
 * The seed is in every failure message.
 */
@QuarkusTest
class MovesMatchTheRuleTest {

    private static final long SEED = Long.getLong("moves.seed", System.nanoTime());

    @Inject
    RepositoryLists lists;

    @Test
    void collectionMovesAndRestoresMatchTheRules() throws Exception {
        randomChangesMatchTheRules(lists.collections());
    }

    @Test
    void releaseMovesAndRestoresMatchTheRules() throws Exception {
        randomChangesMatchTheRules(lists.releases());
    }

    private static void randomChangesMatchTheRules(Surface surface) throws Exception {
        Random random = new Random(SEED);
        OrderedMembers neighbour = surface.newList(3);
        for (int round = 0; round < 20; round++) {
            int size = round < 3 ? round : 1 + random.nextInt(25);
            OrderedMembers list = surface.newList(size);
            for (int step = 0; step < 8; step++) {
                String context = "seed " + SEED + ", round " + round + ", step " + step;
                switch (random.nextInt(3)) {
                    case 0 -> rangeMove(list, random, context);
                    case 1 -> idMove(list, neighbour, random, context);
                    default -> restore(list, random, context);
                }
            }
        }
    }

    /** A range move in the list, or (one in four) one that starts, ends or targets beyond it. */
    private static void rangeMove(OrderedMembers list, Random random, String context) throws SQLException {
        List<String> current = list.order();
        int n = current.size();
        RangeMove move;
        if (n == 0 || random.nextInt(4) == 0) {
            move = switch (random.nextInt(3)) {
                case 0 -> new RangeMove(n + random.nextInt(3), 1 + random.nextInt(3), random.nextInt(n + 1));
                case 1 -> new RangeMove(random.nextInt(n + 1), n + 1, random.nextInt(n + 1));
                default -> new RangeMove(0, 1, n + 1 + random.nextInt(3));
            };
        } else {
            int start = random.nextInt(n);
            move = new RangeMove(start, 1 + random.nextInt(n - start), random.nextInt(n + 1));
        }
        boolean fits = MoveRule.fits(move, n);
        List<String> expected = fits ? MoveRule.moveRange(current, move) : current;
        Checked check = Checked.before(list, context + ", " + move + " in " + current);

        OrderedList.RangeMoved moved = list.moveRange(move);

        assertEquals(n, moved.size(), "reported length, " + check.context);
        check.after(expected, moved.changed(), ChangeKind.MOVE);
    }

    /**
     * Members, distinct and in random order, next to another member; or (one in four) with
     * strangers (ids of nothing or of another list's members) among them or as the anchor.
     */
    private static void idMove(OrderedMembers list, OrderedMembers neighbour, Random random, String context)
            throws SQLException {
        List<String> current = list.order();
        List<String> shuffled = new ArrayList<>(current);
        Collections.shuffle(shuffled, random);
        boolean valid = current.size() >= 2 && random.nextInt(4) != 0;
        String anchor;
        List<String> ids;
        if (valid) {
            anchor = shuffled.get(0);
            ids = shuffled.subList(1, 2 + random.nextInt(shuffled.size() - 1));
        } else {
            List<String> strangers = new ArrayList<>(List.of(list.stranger(random), list.stranger(random)));
            strangers.add(neighbour.order().get(random.nextInt(3)));
            Collections.shuffle(strangers, random);
            boolean strangeAnchor = shuffled.isEmpty() || random.nextBoolean();
            anchor = strangeAnchor ? strangers.remove(0) : shuffled.remove(0);
            List<String> mixed = new ArrayList<>(shuffled.subList(0, random.nextInt(shuffled.size() + 1)));
            mixed.addAll(strangers.subList(0, strangeAnchor ? random.nextInt(3) : 1 + random.nextInt(2)));
            Collections.shuffle(mixed, random);
            ids = mixed.isEmpty() ? List.of(list.stranger(random)) : mixed;
        }
        boolean after = random.nextBoolean();
        List<Integer> strangers = IntStream.range(0, ids.size()).filter(i -> !current.contains(ids.get(i))).boxed()
                .toList();
        boolean anchorFound = current.contains(anchor);
        List<String> expected = anchorFound && strangers.isEmpty() ? MoveRule.moveNextTo(current, ids, anchor, after)
                : current;
        Checked check = Checked.before(list,
                context + ", " + ids + (after ? " after " : " before ") + anchor + " in " + current);

        OrderedList.AnchoredMoved moved = list.moveNextTo(ids, anchor, after);

        assertEquals(anchorFound, moved.anchorFound(), "anchor found, " + check.context);
        assertEquals(strangers, moved.strangers(), "strangers, " + check.context);
        check.after(expected, moved.changed(), ChangeKind.MOVE);
    }

    /** The order recorded at a random entry of the list's history, applied to the list as it is now. */
    private static void restore(OrderedMembers list, Random random, String context) throws SQLException {
        List<OrderHistory.Entry> entries = list.history();
        if (entries.isEmpty()) {
            return;
        }
        long revision = entries.get(random.nextInt(entries.size())).revision();
        List<String> recorded = list.historyEntry(revision).trackIds();
        List<String> current = list.order();
        Checked check = Checked.before(list, context + ", restore " + revision + " " + recorded + " in " + current);

        boolean changed = list.reorder(recorded, ChangeKind.RESTORE);

        check.after(ReorderRule.apply(current, recorded), changed, ChangeKind.RESTORE);
    }

    /** A list's order, revision and history before a change, checked against the change's expected order after it. */
    private record Checked(OrderedMembers list, List<String> order, long revision, List<OrderHistory.Entry> history,
            String context) {

        static Checked before(OrderedMembers list, String context) throws SQLException {
            return new Checked(list, list.order(), list.revision(), list.history(), context);
        }

        void after(List<String> expected, boolean reportedChange, ChangeKind kind) throws SQLException {
            List<String> now = list.order();
            assertEquals(expected, now, "order, " + context);
            boolean changed = !expected.equals(order);
            assertEquals(changed, reportedChange, "reported change, " + context);
            long revisionNow = list.revision();
            assertEquals(changed ? revision + 1 : revision, revisionNow, "revision, " + context);
            List<OrderHistory.Entry> historyNow = list.history();
            if (!changed) {
                assertEquals(history, historyNow, "no entry without a change, " + context);
                return;
            }
            assertEquals(history.size() + 1, historyNow.size(), "one entry per change, " + context);
            assertEquals(history, historyNow.subList(1, historyNow.size()), "older entries kept, " + context);
            OrderHistory.Entry newest = list.historyEntry(revisionNow);
            assertEquals(historyNow.get(0), withoutOrder(newest), "the newest entry is the change's, " + context);
            assertEquals(List.of(kind.value(), RepositoryLists.EDITOR.actor(), now),
                    List.of(newest.change(), newest.actor(), newest.trackIds()), "the entry, " + context);
        }

        private static OrderHistory.Entry withoutOrder(OrderHistory.Entry entry) {
            return new OrderHistory.Entry(entry.revision(), entry.changedAt(), entry.actor(), entry.change(),
                    entry.trackCount(), null);
        }
    }
}
