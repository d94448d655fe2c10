package io.trackorder.ordering;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The move rules shared by both surfaces, as plain functions: every move removes the moved members
 * and inserts them, in order, before one place in what is left. {@link OrderedList}'s statements
 * implement them; the tests hold the two against each other.
 */
public final class MoveRule {

    private MoveRule() {
    }

    /** Whether a range move fits a list of {@code size} members; the rule for one that does not is undefined. */
    public static boolean fits(RangeMove move, int size) {
        return move.start() >= 0 && move.length() >= 1 && (long) move.start() + move.length() <= size
                && move.insertBefore() >= 0 && move.insertBefore() <= size;
    }

    /** The order after a range move that {@link #fits} the list. */
    public static <T> List<T> moveRange(List<T> current, RangeMove move) {
        int end = move.start() + move.length();
        if (move.insertBefore() >= move.start() && move.insertBefore() <= end) {
            // Inside the range or at either edge of it: the range stays where it is.
            return List.copyOf(current);
        }
        List<T> moving = current.subList(move.start(), end);
        T anchor = move.insertBefore() < current.size() ? current.get(move.insertBefore()) : null;
        return insert(current, moving, anchor, false);
    }

    /**
     * The order after an id-anchored move: {@code ids}, all members and none of them the anchor,
     * go in the given order just before (or after) the anchor.
     */
    public static <T> List<T> moveNextTo(List<T> current, List<T> ids, T anchor, boolean after) {
        return insert(current, ids, anchor, after);
    }

    /** Removes {@code moving} and inserts it next to {@code anchor} (at the end when null). */
    private static <T> List<T> insert(List<T> current, List<T> moving, T anchor, boolean after) {
        Set<T> moved = new HashSet<>(moving);
        List<T> next = new ArrayList<>(current.size());
        for (T id : current) {
            if (moved.contains(id)) {
                continue;
            }
            if (id.equals(anchor) && !after) {
                next.addAll(moving);
            }
            next.add(id);
            if (id.equals(anchor) && after) {
                next.addAll(moving);
            }
        }
        if (anchor == null) {
            next.addAll(moving);
        }
        return next;
    }
}
