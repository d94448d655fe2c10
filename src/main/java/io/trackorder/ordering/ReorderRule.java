package io.trackorder.ordering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reorder rule shared by both surfaces, as plain functions. {@link #apply} is the normative
 * definition that {@link OrderedList}'s SQL implements; the tests hold the two against each other.
 */
public final class ReorderRule {

    private ReorderRule() {
    }

    /**
     * Ids that appear more than once, each named once, in order of first repetition. Found by
     * sorting a copy, so a valid list of any length costs one array and no object per id.
     */
    public static List<String> duplicates(List<String> requested) {
        String[] sorted = requested.toArray(String[]::new);
        Arrays.sort(sorted);
        Set<String> repeated = new HashSet<>();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i].equals(sorted[i - 1])) {
                repeated.add(sorted[i]);
            }
        }
        if (repeated.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        Set<String> inOrder = new LinkedHashSet<>();
        for (String id : requested) {
            if (repeated.contains(id) && !seen.add(id)) {
                inOrder.add(id);
            }
        }
        return List.copyOf(inOrder);
    }

    /**
     * The new order: members listed in {@code requested} in that order, then the unlisted members
     * in their previous relative order. Requested ids that are not members are ignored.
     */
    public static <T> List<T> apply(List<T> current, List<T> requested) {
        Set<T> members = new HashSet<>(current);
        Set<T> listed = new LinkedHashSet<>();
        for (T id : requested) {
            if (members.contains(id)) {
                listed.add(id);
            }
        }
        List<T> next = new ArrayList<>(listed);
        for (T id : current) {
            if (!listed.contains(id)) {
                next.add(id);
            }
        }
        return next;
    }
}
