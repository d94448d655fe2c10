package io.trackorder.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The reorder rule against a model that says the same thing in the plainest way: a sort by a key. */
class ReorderRuleTest {

    /** Each member's key: its index in the request if listed, else after every listed one, in old order. */
    private static List<Integer> model(List<Integer> current, List<Integer> requested) {
        Map<Integer, Integer> key = new HashMap<>();
        for (int i = 0; i < current.size(); i++) {
            int listedAt = requested.indexOf(current.get(i));
            key.put(current.get(i), listedAt >= 0 ? listedAt : requested.size() + i);
        }
        List<Integer> sorted = new ArrayList<>(current);
        sorted.sort(Comparator.comparing(key::get));
        return sorted;
    }

    private static List<Integer> distinct(List<Integer> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    @Test
    void applyMatchesTheModel() {
        qt().forAll(lists().of(integers().between(0, 40)).ofSizeBetween(0, 40),
                lists().of(integers().between(0, 60)).ofSizeBetween(0, 60))
                .checkAssert((currentRaw, requestedRaw) -> {
                    List<Integer> current = distinct(currentRaw);
                    List<Integer> requested = distinct(requestedRaw);
                    assertEquals(model(current, requested), ReorderRule.apply(current, requested));
                });
    }

    @Test
    void applyIsAPermutationAndIdempotent() {
        qt().forAll(lists().of(integers().between(0, 30)).ofSizeBetween(0, 30),
                lists().of(integers().between(0, 45)).ofSizeBetween(0, 45))
                .checkAssert((currentRaw, requestedRaw) -> {
                    List<Integer> current = distinct(currentRaw);
                    List<Integer> requested = distinct(requestedRaw);
                    List<Integer> next = ReorderRule.apply(current, requested);
                    List<Integer> sortedNext = new ArrayList<>(next);
                    List<Integer> sortedCurrent = new ArrayList<>(current);
                    sortedNext.sort(null);
                    sortedCurrent.sort(null);
                    assertEquals(sortedCurrent, sortedNext, "same members");
                    assertEquals(next, ReorderRule.apply(next, requested), "applying twice changes nothing more");
                    assertEquals(current, ReorderRule.apply(current, List.of()), "an empty request changes nothing");
                    assertEquals(next, ReorderRule.apply(current, next), "the full new order reproduces itself");
                });
    }

    @Test
    void duplicatesNamesEachRepeatedIdOnce() {
        qt().forAll(lists().of(integers().between(0, 15)).ofSizeBetween(0, 30)).checkAssert(values -> {
            List<String> ids = values.stream().map(v -> "id" + v).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                if (ids.subList(0, i).contains(id) && !expected.contains(id)) {
                    expected.add(id);
                }
            }
            assertEquals(expected, ReorderRule.duplicates(ids));
        });
    }
}
