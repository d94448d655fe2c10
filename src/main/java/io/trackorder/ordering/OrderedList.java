package io.trackorder.ordering;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * One kind of user-ordered list: member rows with a dense position under a parent row that
 * carries a {@code revision}. Collections and releases are both such lists; this class holds the
 * statements that reorder any of them and remove a member from one, keeping positions dense.
 * <p>
 * No index covers the position, so that moving a member is a heap-only update that writes no index
 * entry, and no constraint checks it. Positions stay unique and dense because every statement that
 * writes them runs under the parent row lock and computes them from the list as that lock shows it.
 */
public final class OrderedList {

    /**
     * A query-language condition, always true, for the query that locks the parent row before a
     * reorder: it turns nested-loop joins off for the rest of the transaction ({@code set_config}
     * with {@code true} is transaction-local), so the reorder statement, planned after it, cannot
     * use one. The reorder joins a list's rows to their new positions; when the planner
     * underestimates the list (a big list in a table of small ones, or rows not analyzed yet) it
     * picks a nested loop that rescans the new positions for every row: 10 s for 5,000 tracks
     * instead of 0.1 s with a hash join. Part of the lock query rather than a statement of its own,
     * it costs no round trip.
     */
    public static final String HASH_JOINS_ONLY = "function('set_config', 'enable_nestloop', 'off', true) = 'off'";

    private final String reorderSql;
    private final String removeSql;

    /**
     * @param members table of the member rows
     * @param tenant tenant column, in both tables
     * @param parent column of {@code members} naming the parent row
     * @param item column of {@code members} naming the member
     * @param itemType SQL type of {@code item}, so requested ids compare without casting every row
     * @param position position column, dense from {@code firstPosition}
     * @param firstPosition 0 for zero-based positions, 1 for track numbers
     * @param parents table of the parent rows, with {@code id}, {@code revision} and {@code updated_at}
     */
    public OrderedList(String members, String tenant, String parent, String item, String itemType, String position,
            int firstPosition, String parents) {
        // One statement for any N: the requested ids arrive as one array parameter, the new dense
        // order is computed by a window function, only rows whose position changes are written, and
        // the parent's revision goes up only when something moved. The new positions are the row
        // numbers of all the list's members, from firstPosition: dense and unique by construction.
        this.reorderSql = """
                WITH requested AS (
                    SELECT r.item, r.ord FROM unnest(CAST(?3 AS %5$s[])) WITH ORDINALITY AS r(item, ord)),
                next AS (
                    SELECT m.%4$s AS item,
                           row_number() OVER (ORDER BY requested.ord NULLS LAST, m.%6$s) - 1 + %7$d AS pos
                    FROM %1$s m LEFT JOIN requested ON requested.item = m.%4$s
                    WHERE m.%2$s = ?1 AND m.%3$s = ?2),
                moved AS (
                    UPDATE %1$s m SET %6$s = next.pos FROM next
                    WHERE m.%2$s = ?1 AND m.%3$s = ?2 AND m.%4$s = next.item AND m.%6$s <> next.pos
                    RETURNING 1)
                UPDATE %8$s SET revision = revision + 1, updated_at = now()
                WHERE %2$s = ?1 AND id = ?2 AND EXISTS (SELECT 1 FROM moved)
                """.formatted(members, tenant, parent, item, itemType, position, firstPosition, parents);
        // The members after the removed one move up one position, in the same statement.
        this.removeSql = """
                WITH gone AS (
                    DELETE FROM %1$s WHERE %2$s = ?1 AND %3$s = ?2 AND %4$s = ?3
                    RETURNING %5$s),
                shifted AS (
                    UPDATE %1$s m SET %5$s = m.%5$s - 1 FROM gone
                    WHERE m.%2$s = ?1 AND m.%3$s = ?2 AND m.%5$s > gone.%5$s)
                UPDATE %6$s SET revision = revision + 1, updated_at = now()
                WHERE %2$s = ?1 AND id = ?2 AND EXISTS (SELECT 1 FROM gone)
                """.formatted(members, tenant, parent, item, position, parents);
    }

    /**
     * Removes a member; the members after it move up one position, and the parent's revision goes
     * up. The caller must hold the parent row lock.
     *
     * @return whether it was a member
     */
    public Uni<Boolean> remove(Mutiny.Session session, Object tenant, Object parentId, Object item) {
        return session.createNativeQuery(removeSql)
                .setParameter(1, tenant)
                .setParameter(2, parentId)
                .setParameter(3, item)
                .executeUpdate()
                .map(parentsUpdated -> parentsUpdated > 0);
    }

    /**
     * Puts the requested members first, in the requested order, and every other member after them in
     * its previous relative order. The caller must hold the parent row lock, taken by a query that
     * includes {@link #HASH_JOINS_ONLY}, and must have rejected duplicate ids. Ids that are not
     * members are ignored.
     *
     * @param requested the ids as an array of the item type's Java values ({@code String[]} for
     *        text, {@code UUID[]} for uuid): the driver binds it as exactly that SQL array
     *
     * @return whether the order changed (and with it the parent's revision)
     */
    public Uni<Boolean> reorder(Mutiny.Session session, Object tenant, Object parentId, Object[] requested) {
        return session.createNativeQuery(reorderSql)
                .setParameter(1, tenant)
                .setParameter(2, parentId)
                .setParameter(3, requested)
                .executeUpdate()
                .map(parentsUpdated -> parentsUpdated > 0);
    }
}
