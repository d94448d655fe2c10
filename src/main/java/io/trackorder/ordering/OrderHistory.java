package io.trackorder.ordering;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.trackorder.database.Statements;

/**
 * The order history of one kind of list ({@link ListSchema}): an entry per effective change of a
 * list's order or membership, with the whole order after it. The statements of {@link OrderedList}
 * record their entries themselves; {@link #record} is for changes made elsewhere.
 */
public final class OrderHistory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    private final String recordSql;
    private final String pageSql;
    private final String countSql;
    private final String entrySql;

    public OrderHistory(ListSchema list) {
        // ?3 actor, ?4 kind, ?5 retention: the list's order and revision as they are now.
        this.recordSql = """
                WITH revised AS (SELECT revision FROM %1$s WHERE %2$s = ?1 AND id = ?2),
                """.formatted(list.parents(), list.tenant())
                + prune(list, "revised", 5) + "\n" + entry(list, currentOrder(list, ""), 3);
        String entries = " FROM %1$s WHERE %2$s = ?1 AND %3$s = ?2".formatted(list.history(), list.tenant(),
                list.parent());
        // Times as microseconds since the epoch: a plain number in any driver.
        String fields = "SELECT revision, CAST(extract(epoch FROM changed_at) * 1000000 AS bigint), actor, change, ";
        this.pageSql = fields + "cardinality(track_ids)" + entries + " ORDER BY revision DESC LIMIT ?3 OFFSET ?4";
        this.countSql = "SELECT count(*)" + entries;
        // The ids as one JSON array: one text value whatever their SQL type.
        this.entrySql = fields + "CAST(array_to_json(track_ids) AS text)" + entries + " AND revision = ?3";
    }

    /**
     * A revision from a path: a number from 0, or -1, which no entry has, for anything else (an
     * entry that does not exist is a 404 either way).
     */
    public static long revision(String path) {
        if (path == null || !path.matches("[0-9]{1,18}")) {
            return -1;
        }
        return Long.parseLong(path);
    }

    /**
     * CTEs {@code revised}, the parent's revision raised by one when {@code changed} (a CTE) has
     * rows, and {@code pruned}, the entries beyond the retention (parameter {@code retainParam}).
     */
    static String revise(ListSchema list, String changed, int retainParam) {
        return """
                revised AS (
                    UPDATE %1$s SET revision = revision + 1, updated_at = now()
                    WHERE %2$s = ?1 AND id = ?2 AND EXISTS (SELECT 1 FROM %3$s)
                    RETURNING revision),
                """.formatted(list.parents(), list.tenant(), changed) + prune(list, "revised", retainParam) + "\n";
    }

    /**
     * The new revision is a scalar subquery, not a join: with nested loops off (as for a reorder) a
     * join could not use the key and would scan every list's history.
     */
    private static String prune(ListSchema list, String revised, int retainParam) {
        return """
                pruned AS (
                    DELETE FROM %1$s h
                    WHERE h.%2$s = ?1 AND h.%3$s = ?2
                      AND h.revision <= (SELECT revision FROM %4$s) - CAST(?%5$d AS int))"""
                .formatted(list.history(), list.tenant(), list.parent(), revised, retainParam);
    }

    /**
     * The INSERT of the entry for the revision in CTE {@code revised}, holding {@code order} (an
     * array expression); parameters {@code actorParam} and the next one are the actor and the kind.
     */
    static String entry(ListSchema list, String order, int actorParam) {
        return """
                INSERT INTO %1$s (%2$s, %3$s, revision, changed_at, actor, change, track_ids)
                SELECT ?1, ?2, revised.revision, now(), ?%4$d, ?%5$d, %6$s FROM revised"""
                .formatted(list.history(), list.tenant(), list.parent(), actorParam, actorParam + 1, order);
    }

    /**
     * CTE {@code recorded}: the {@link #entry}, returning what an event of it needs (revision,
     * changed_at, actor, change, track_ids).
     */
    static String recorded(ListSchema list, String order, int actorParam) {
        return "recorded AS (\n" + entry(list, order, actorParam)
                + "\n    RETURNING revision, changed_at, actor, change, track_ids)\n";
    }

    /** The list's order as the statement sees it, without the members {@code excluding} (a condition on {@code m}). */
    static String currentOrder(ListSchema list, String excluding) {
        return "ARRAY(SELECT m.%4$s FROM %1$s m WHERE m.%2$s = ?1 AND m.%3$s = ?2 %6$s ORDER BY m.%5$s)"
                .formatted(list.members(), list.tenant(), list.parent(), list.item(), list.position(), excluding);
    }

    /**
     * Records the list's current order at its current revision, after a change made by other
     * statements of the same transaction. The caller must hold the parent row lock.
     */
    public Uni<Void> record(Statements statements, Object tenant, Object parentId, Editor editor, ChangeKind kind) {
        return statements.update(recordSql, tenant, parentId, editor.actor(), kind.value(), editor.retain())
                .replaceWithVoid();
    }

    /** Entries newest first, without their orders. */
    public Uni<List<Entry>> page(Statements statements, Object tenant, Object parentId, int limit, int offset) {
        return statements.rows(pageSql, tenant, parentId, limit, offset)
                .map(rows -> rows.stream().map(row -> entry(row, ((Number) row[4]).intValue(), null)).toList());
    }

    public Uni<Long> count(Statements statements, Object tenant, Object parentId) {
        return statements.row(countSql, tenant, parentId).map(row -> ((Number) row[0]).longValue());
    }

    /** One entry with its order, or null when the list has none for this revision (never, or pruned). */
    public Uni<Entry> entry(Statements statements, Object tenant, Object parentId, long revision) {
        return statements.row(entrySql, tenant, parentId, revision)
                .map(row -> {
                    if (row == null) {
                        return null;
                    }
                    List<String> ids = ids((String) row[4]);
                    return entry(row, ids.size(), ids);
                });
    }

    private static Entry entry(Object[] row, int trackCount, List<String> trackIds) {
        long micros = ((Number) row[1]).longValue();
        Instant changedAt = Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1_000L));
        return new Entry(((Number) row[0]).longValue(), changedAt, (String) row[2], (String) row[3], trackCount,
                trackIds);
    }

    private static List<String> ids(String json) {
        try {
            return JSON.readValue(json, IDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An order history entry holds no JSON array", e);
        }
    }

    /**
     * One history entry.
     *
     * @param trackIds the order after the change, or null where it was not read
     */
    public record Entry(long revision, Instant changedAt, String actor, String change, int trackCount,
            List<String> trackIds) {
    }
}
