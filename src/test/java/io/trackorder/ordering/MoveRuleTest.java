package io.trackorder.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * The move rule against a model that says the same thing with plain list operations: take the
 * moved members out, then insert them, in order, before the anchor member (after it, or at the
 * end). A range whose anchor is one of its own members stays where it is.
 */
class MoveRuleTest {

    private static List<Integer> modelMove(List<Integer> current, List<Integer> moving, Integer anchor, boolean after) {
        if (anchor != null && moving.contains(anchor)) {
            return current;
        }
        List<Integer> next = new ArrayList<>(current);
        next.removeAll(moving);
        int at = anchor == null ? next.size() : next.indexOf(anchor) + (after ? 1 : 0);
        next.addAll(at, moving);
        return next;
    }

    private static List<Integer> modelRange(List<Integer> current, RangeMove move) {
        List<Integer> moving = current.subList(move.start(), move.start() + move.length());
        Integer anchor = move.insertBefore() < current.size() ? current.get(move.insertBefore()) : null;
        return modelMove(current, List.copyOf(moving), anchor, false);
    }

    private static List<Integer> members(int size) {
        return IntStream.range(0, size).map(i -> 100 + i).boxed().toList();
    }

    @Test
    void everyRangeMoveOfShortListsMatchesTheModel() {
        for (int size = 0; size <= 8; size++) {
            List<Integer> current = members(size);
            int fitting = 0;
            for (int start = 0; start < size; start++) {
                for (int length = 1; start + length <= size; length++) {
                    for (int insertBefore = 0; insertBefore <= size; insertBefore++) {
                        RangeMove move = new RangeMove(start, length, insertBefore);
                        assertTrue(MoveRule.fits(move, size), move + " in " + size);
                        List<Integer> next = MoveRule.moveRange(current, move);
                        assertEquals(modelRange(current, move), next, move + " in " + size);
                        assertIsAPermutation(current, next);
                        fitting++;
                    }
                }
            }
            assertEquals(size * (size + 1) / 2 * (size + 1), fitting, "every fitting move of " + size);
        }
    }

    @Test
    void rangeMovesOfLongerListsMatchTheModel() {
        qt().forAll(integers().between(1, 60), integers().between(0, 1_000), integers().between(0, 1_000),
                integers().between(0, 1_000)).checkAssert((size, a, b, c) -> {
                    List<Integer> current = shuffled(members(size), a + b + c);
                    int start = a % size;
                    RangeMove move = new RangeMove(start, 1 + b % (size - start), c % (size + 1));
                    List<Integer> next = MoveRule.moveRange(current, move);
                    assertEquals(modelRange(current, move), next, move.toString());
                    assertIsAPermutation(current, next);
                });
    }

    @Test
    void aTargetInsideTheRangeOrAtItsEdgesChangesNothing() {
        qt().forAll(integers().between(1, 40), integers().between(0, 1_000), integers().between(0, 1_000),
                integers().between(0, 1_000)).checkAssert((size, a, b, c) -> {
                    List<Integer> current = members(size);
                    int start = a % size;
                    int length = 1 + b % (size - start);
                    RangeMove move = new RangeMove(start, length, start + c % (length + 1));
                    assertEquals(current, MoveRule.moveRange(current, move), move.toString());
                });
    }

    @Test
    void fitsExactlyTheMovesWithinTheList() {
        qt().forAll(integers().between(0, 12), integers().between(-3, 16), integers().between(-3, 16),
                integers().between(-3, 16)).checkAssert((size, start, length, insertBefore) -> {
                    boolean within = start >= 0 && start < size && length >= 1 && start + length <= size
                            && insertBefore >= 0 && insertBefore <= size;
                    assertEquals(within, MoveRule.fits(new RangeMove(start, length, insertBefore), size),
                            start + "/" + length + "/" + insertBefore + " in " + size);
                });
        assertTrue(MoveRule.fits(new RangeMove(4, 1, 5), 5), "the last member to the end");
        assertTrue(MoveRule.fits(new RangeMove(0, 5, 0), 5), "the whole list");
        assertFalse(MoveRule.fits(new RangeMove(5, 1, 0), 5), "a start at the length");
        assertFalse(MoveRule.fits(new RangeMove(4, 2, 0), 5), "a range past the end");
        assertFalse(MoveRule.fits(new RangeMove(0, 1, 6), 5), "a target past the end");
        assertFalse(MoveRule.fits(new RangeMove(0, 0, 0), 5), "an empty range");
        assertFalse(MoveRule.fits(new RangeMove(0, 1, 0), 0), "anything in an empty list");
        assertFalse(MoveRule.fits(new RangeMove(1, Integer.MAX_VALUE, 0), 5), "a range end beyond int");
        assertFalse(MoveRule.fits(new RangeMove(Integer.MAX_VALUE, Integer.MAX_VALUE, 0), 5), "both huge");
    }

    @Test
    void idMovesMatchTheModel() {
        qt().forAll(integers().between(2, 40), lists().of(integers().between(0, 1_000)).ofSizeBetween(1, 40),
                integers().between(0, 1_000), booleans().all()).checkAssert((size, picks, anchorPick, after) -> {
                    List<Integer> current = shuffled(members(size), anchorPick);
                    Integer anchor = current.get(anchorPick % size);
                    // Distinct members other than the anchor, in the order the picks name them.
                    List<Integer> moving = picks.stream().map(pick -> current.get(pick % size))
                            .filter(id -> !id.equals(anchor)).distinct().toList();
                    if (moving.isEmpty()) {
                        return;
                    }
                    List<Integer> next = MoveRule.moveNextTo(current, moving, anchor, after);
                    assertEquals(modelMove(current, moving, anchor, after), next,
                            moving + (after ? " after " : " before ") + anchor + " in " + current);
                    assertIsAPermutation(current, next);
                    int at = next.indexOf(anchor);
                    List<Integer> placed = after ? next.subList(at + 1, at + 1 + moving.size())
                            : next.subList(at - moving.size(), at);
                    assertEquals(moving, placed, "the moved members sit next to the anchor, in the given order");
                });
    }

    @Test
    void aRangeMoveIsTheIdMoveOfItsMembers() {
        qt().forAll(integers().between(1, 30), integers().between(0, 1_000), integers().between(0, 1_000),
                integers().between(0, 1_000)).checkAssert((size, a, b, c) -> {
                    List<Integer> current = members(size);
                    int start = a % size;
                    RangeMove move = new RangeMove(start, 1 + b % (size - start), c % (size + 1));
                    List<Integer> moving = current.subList(move.start(), move.start() + move.length());
                    boolean inside = move.insertBefore() >= move.start()
                            && move.insertBefore() < move.start() + move.length();
                    if (inside) {
                        return;
                    }
                    Integer anchor = move.insertBefore() < size ? current.get(move.insertBefore()) : null;
                    assertEquals(MoveRule.moveNextTo(current, moving, anchor, false), MoveRule.moveRange(current, move),
                            move.toString());
                });
    }

    private static List<Integer> shuffled(List<Integer> ids, long seed) {
        List<Integer> copy = new ArrayList<>(ids);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    private static void assertIsAPermutation(List<Integer> current, List<Integer> next) {
        assertEquals(current.size(), next.size(), "length");
        List<Integer> a = new ArrayList<>(current);
        List<Integer> b = new ArrayList<>(next);
        a.sort(null);
        b.sort(null);
        assertEquals(a, b, "same members");
    }
}
