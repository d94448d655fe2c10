package io.trackorder.ordering;

import java.util.Arrays;
import java.util.List;

import io.smallrye.mutiny.Uni;
import io.trackorder.database.Statements;
import io.trackorder.events.ListEvents;

/**
 * The statements that change the order of one kind of user-ordered list ({@link ListSchema}):
 * reorder, move, remove. Each is one statement whatever the list's length, writes only the rows
 * whose position changes, raises the parent's revision when the list changed, and in the same
 * statement records the order after the change in the list's history and prunes that history.
 * <p>
 * No index covers the position, so that moving a member is a heap-only update that writes no index
 * entry, and no constraint checks it. Positions stay unique and dense because every statement that
 * writes them runs under the parent row lock and computes them from the list as that lock shows it.
 */
public final class OrderedList {

    /**
     * A query-language condition, always true, for the query that locks the parent row before a
     * reorder or move: it turns nested-loop joins off for the rest of the transaction
     * ({@code set_config} with {@code true} is transaction-local), so the statement, planned after
     * it, cannot use one. These statements join a list's rows to their new positions; when the
     * planner underestimates the list (a big list in a table of small ones, or rows not analyzed yet)
     * it picks a nested loop that rescans the new positions for every row: 10 s for 5,000 tracks
     * instead of 0.1 s with a hash join. Part of the lock query rather than a statement of its own,
     * it costs no round trip.
     */
    public static final String HASH_JOINS_ONLY = "function('set_config', 'enable_nestloop', 'off', true) = 'off'";

    /** {@link #HASH_JOINS_ONLY} in SQL, for a lock query in SQL. */
    public static final String HASH_JOINS_ONLY_SQL = "set_config('enable_nestloop', 'off', true) = 'off'";

    private final String reorderSql;
    private final String rangeMoveSql;
    private final String anchoredMoveSql;
    private final String removeSql;

    /**
     * @param events the events its statements write to the outbox, in the same statement: an order
     *        change or a removal, with the whole order after it
     */
    public OrderedList(ListSchema list, ListEvents events) {
        String members = list.members();
        String tenant = list.tenant();
        String parent = list.parent();
        String item = list.item();
        String position = list.position();
        int first = list.firstPosition();
        // Every member's new position is its index in the new order (CTE ordered, built by
        // order(...)), from the first position: dense and unique by construction. Only the rows whose
        // position changes are written.
        String write = """
                moved AS (
                    UPDATE %1$s m SET %5$s = next.pos FROM next
                    WHERE m.%2$s = ?1 AND m.%3$s = ?2 AND m.%4$s = next.item AND m.%5$s <> next.pos
                    RETURNING 1),
                """.formatted(members, tenant, parent, item, position);
        String newOrder = "(SELECT ids FROM ordered)";
        // The list's members with their zero-based positions.
        String current = """
                list AS (
                    SELECT m.%4$s AS item, m.%5$s - %6$d AS p FROM %1$s m WHERE m.%2$s = ?1 AND m.%3$s = ?2),
                """.formatted(members, tenant, parent, item, position, first);

        // ?3 the requested ids; ?4 actor, ?5 kind, ?6 retention. The requested members first, in
        // the requested order, then the others in their previous order; ids that are not members
        // match no row and so are ignored.
        this.reorderSql = """
                WITH requested AS (
                    SELECT r.item, r.ord FROM unnest(CAST(?3 AS %s[])) WITH ORDINALITY AS r(item, ord)),
                """.formatted(list.itemType())
                + order("""
                        SELECT m.%4$s FROM %1$s m LEFT JOIN requested ON requested.item = m.%4$s
                        WHERE m.%2$s = ?1 AND m.%3$s = ?2
                        ORDER BY requested.ord NULLS LAST, m.%5$s""".formatted(members, tenant, parent, item, position),
                        first)
                + write + OrderHistory.revise(list, "moved", 6) + ",\n" + OrderHistory.recorded(list, newOrder, 4)
                + events.announce(events.reordered(), "");

        // ?3 range start, ?4 range length, ?5 insert before (zero-based positions); ?6 actor, ?7
        // kind, ?8 retention. The range sorts just before the member at ?5 (after the last for the
        // list's length), keeping its relative order; nothing moves unless the range and the target
        // lie within the list. The range's end is summed as bigint: start and length may each be up to
        // int's largest.
        this.rangeMoveSql = "WITH " + current + """
                size AS (SELECT count(*) AS n FROM list),
                """ + order("""
                SELECT item FROM list
                WHERE (SELECT CAST(?3 AS bigint) + CAST(?4 AS bigint) <= n AND CAST(?5 AS int) <= n FROM size)
                ORDER BY
                    CASE WHEN p >= CAST(?3 AS int) AND p < CAST(?3 AS bigint) + CAST(?4 AS bigint)
                         THEN CAST(?5 AS int) ELSE p END,
                    CASE WHEN p >= CAST(?3 AS int) AND p < CAST(?3 AS bigint) + CAST(?4 AS bigint)
                         THEN 0 ELSE 1 END,
                    p""", first)
                + write + OrderHistory.revise(list, "moved", 8) + ",\n" + OrderHistory.recorded(list, newOrder, 6)
                + ", announced AS (" + events.announce(events.reordered(), "") + ")\n"
                + "SELECT (SELECT n FROM size), (SELECT count(*) FROM recorded)";

        // ?3 the ids to move, ?4 the anchor, ?5 0 to move them before it or 2 after it; ?6 actor, ?7
        // kind, ?8 retention. The moved members sort at the anchor's position, on its chosen side,
        // in the requested order; nothing moves unless the anchor and every moved id are members.
        this.anchoredMoveSql = "WITH " + current + """
                requested AS (
                    SELECT r.item, r.ord FROM unnest(CAST(?3 AS %1$s[])) WITH ORDINALITY AS r(item, ord)),
                anchor AS (SELECT p FROM list WHERE item = CAST(?4 AS %1$s)),
                strangers AS (
                    SELECT requested.ord FROM requested
                    WHERE NOT EXISTS (SELECT 1 FROM list WHERE list.item = requested.item)),
                """.formatted(list.itemType())
                + order("""
                        SELECT list.item FROM list LEFT JOIN requested ON requested.item = list.item
                        WHERE EXISTS (SELECT 1 FROM anchor) AND NOT EXISTS (SELECT 1 FROM strangers)
                        ORDER BY
                            CASE WHEN requested.ord IS NULL THEN list.p ELSE (SELECT p FROM anchor) END,
                            CASE WHEN requested.ord IS NULL THEN 1 ELSE CAST(?5 AS int) END,
                            requested.ord""", first)
                + write + OrderHistory.revise(list, "moved", 8) + ",\n" + OrderHistory.recorded(list, newOrder, 6)
                + ", announced AS (" + events.announce(events.reordered(), "") + ")\n"
                + """
                        SELECT EXISTS (SELECT 1 FROM anchor),
                               (SELECT string_agg(CAST(ord AS text), ',' ORDER BY ord) FROM strangers),
                               (SELECT count(*) FROM recorded)""";

        // ?3 the member; ?4 actor, ?5 kind, ?6 retention. The members after it move up one
        // position, in the same statement.
        this.removeSql = """
                WITH gone AS (
                    DELETE FROM %1$s WHERE %2$s = ?1 AND %3$s = ?2 AND %4$s = ?3
                    RETURNING %5$s),
                shifted AS (
                    UPDATE %1$s m SET %5$s = m.%5$s - 1 FROM gone
                    WHERE m.%2$s = ?1 AND m.%3$s = ?2 AND m.%5$s > gone.%5$s),
                """.formatted(members, tenant, parent, item, position)
                + OrderHistory.revise(list, "gone", 6) + ",\n"
                + OrderHistory.recorded(list, OrderHistory.currentOrder(list, "AND m.%s <> ?3".formatted(item)), 4)
                + events.announce(events.removed(), ", 'track_id', CAST(?3 AS %s)".formatted(list.itemType()));
    }

    /**
     * CTEs {@code ordered}, the list's new order as one array, the items of {@code query} in its
     * order (empty when nothing may move), and {@code next}, each item with its new position. The
     * array is built once, for the history entry as it is and, unnested, for the positions: numbering
     * rows with a window and sorting them again for the entry cost a sixth more per reorder. The
     * positions unnest a scalar subquery, not a lateral reference to {@code ordered}, which
     * PostgreSQL 15 runs fifty times slower.
     */
    private static String order(String query, int first) {
        return """
                ordered AS (SELECT ARRAY(%s) AS ids),
                next AS (
                    SELECT n.item, n.ord - 1 + %d AS pos
                    FROM unnest((SELECT ids FROM ordered)) WITH ORDINALITY AS n(item, ord)),
                """.formatted(query, first);
    }

    /**
     * Removes a member; the members after it move up one position, and the parent's revision goes
     * up. The caller must hold the parent row lock.
     *
     * @return whether it was a member
     */
    public Uni<Boolean> remove(Statements statements, Object tenant, Object parentId, Object item, Editor editor,
            ChangeKind kind) {
        return statements.update(removeSql, tenant, parentId, item, editor.actor(), kind.value(), editor.retain())
                .map(recorded -> recorded > 0);
    }

    /**
     * Puts the requested members first, in the requested order, and every other member after them in
     * its previous relative order ({@link ReorderRule#apply}). The caller must hold the parent row
     * lock, taken by a query that includes {@link #HASH_JOINS_ONLY}, and must have rejected
     * duplicate ids. Ids that are not members are ignored.
     *
     * @param requested the ids as an array of the item type's Java values ({@code String[]} for
     *        text, {@code UUID[]} for uuid): the driver binds it as exactly that SQL array
     * @param kind {@link ChangeKind#REORDER}, or {@link ChangeKind#RESTORE} for a recorded order
     *
     * @return whether the order changed (and with it the parent's revision)
     */
    public Uni<Boolean> reorder(Statements statements, Object tenant, Object parentId, Object[] requested,
            Editor editor, ChangeKind kind) {
        return statements.update(reorderSql, tenant, parentId, requested, editor.actor(), kind.value(), editor.retain())
                .map(recorded -> recorded > 0);
    }

    /**
     * A range move ({@link MoveRule#moveRange}), once the caller has checked that the numbers are
     * not negative and the length at least one. Writes nothing when the range or the target lies
     * beyond the list. The caller must hold the lock as for {@link #reorder}.
     */
    public Uni<RangeMoved> moveRange(Statements statements, Object tenant, Object parentId, RangeMove move,
            Editor editor) {
        return statements.row(rangeMoveSql, tenant, parentId, move.start(), move.length(), move.insertBefore(),
                editor.actor(), ChangeKind.MOVE.value(), editor.retain())
                .map(row -> new RangeMoved(((Number) row[0]).intValue(), ((Number) row[1]).longValue() > 0));
    }

    /**
     * An id-anchored move ({@link MoveRule#moveNextTo}), once the caller has rejected duplicate ids
     * and an anchor among them. Writes nothing when the anchor or any moved id is not a member. The
     * caller must hold the lock as for {@link #reorder}.
     *
     * @param ids the ids to move, as for {@link #reorder}
     * @param anchor an id of the item type's Java value
     */
    public Uni<AnchoredMoved> moveNextTo(Statements statements, Object tenant, Object parentId, Object[] ids,
            Object anchor, boolean after, Editor editor) {
        return statements.row(anchoredMoveSql, tenant, parentId, ids, anchor, after ? 2 : 0, editor.actor(),
                ChangeKind.MOVE.value(), editor.retain())
                .map(row -> new AnchoredMoved((Boolean) row[0], indexes((String) row[1]),
                        ((Number) row[2]).longValue() > 0));
    }

    /** Zero-based indexes from one-based ordinals, as the statement lists them. */
    private static List<Integer> indexes(String ordinals) {
        if (ordinals == null) {
            return List.of();
        }
        return Arrays.stream(ordinals.split(",")).map(ordinal -> Integer.parseInt(ordinal) - 1).toList();
    }

    /** The outcome of a range move: the list's length, and whether the order changed. */
    public record RangeMoved(int size, boolean changed) {
    }

    /**
     * The outcome of an id-anchored move: whether the anchor is a member, the indexes of the moved
     * ids that are not, and whether the order changed.
     */
    public record AnchoredMoved(boolean anchorFound, List<Integer> strangers, boolean changed) {
    }
}
