package io.trackorder.events;

/**
 * The events that a list's order statements write themselves, in the statement that changes the
 * order: a reorder's event carries the whole new order, which only the statement knows, and
 * writing it there costs no round trip. The expressions read the statement's parameters ?1 (the
 * tenant) and ?2 (the list's id), cast to their column types so that every use of a parameter
 * agrees on its type.
 *
 * @param keySql the event's list key, as {@link ChangeEvent#listKey()} names it
 * @param sourceSql the CloudEvents {@code source}: the list's path in its API
 * @param subjectSql the CloudEvents {@code subject}: the list's id
 * @param reordered the type of an order change (reorder, move, restore)
 * @param removed the type of a member's removal
 */
public record ListEvents(String keySql, String sourceSql, String subjectSql, String reordered, String removed) {

    public static final ListEvents COLLECTIONS = collections("CAST(?2 AS text)");

    /**
     * The collections of a statement that changes several of one organization (?1) at once: each
     * event's collection is the {@code collection_id} its history entry returns.
     */
    public static final ListEvents COLLECTIONS_OF_ENTRY = collections("recorded.collection_id");

    public static final ListEvents RELEASES = of(ListKind.RELEASE, "CAST(CAST(?1 AS integer) AS text)",
            "CAST(CAST(?2 AS uuid) AS text)", "tracks_reordered", "track_removed");

    /** The collections of organization ?1 whose ids the SQL expression {@code idSql} (text) gives. */
    public static ListEvents collections(String idSql) {
        return of(ListKind.COLLECTION, "CAST(?1 AS text)", idSql, "reordered", "member_removed");
    }

    private static ListEvents of(ListKind kind, String tenantSql, String idSql, String reordered, String removed) {
        return new ListEvents(kind.keySql(tenantSql, idSql), kind.sourceSql(tenantSql, idSql),
                kind.subjectSql(tenantSql, idSql), kind.type(reordered), kind.type(removed));
    }

    /**
     * The INSERT of the event of {@code type} for the history entry that the statement's CTE
     * {@code recorded} wrote (its revision, changed_at, actor, change and track_ids): no row when the
     * statement changed nothing. {@code moreData} adds fields to the data (a list of jsonb_build_object
     * arguments, each pair preceded by a comma), or is empty.
     */
    public String announce(String type, String moreData) {
        return write(type, "recorded", "recorded.revision", "recorded.changed_at", """
                jsonb_build_object('revision', recorded.revision, 'actor', recorded.actor,
                                   'change', recorded.change, 'track_ids', to_jsonb(recorded.track_ids)%s)"""
                .formatted(moreData));
    }

    /**
     * The INSERT of one event of {@code type} for each row of the statement's CTE {@code from}: its
     * revision, time and data are the SQL expressions given, over that row.
     */
    public String write(String type, String from, String revisionSql, String timeSql, String dataSql) {
        return """
                INSERT INTO event_outbox (id, list_key, revision, type, source, subject, time, data)
                SELECT gen_random_uuid(), %1$s, %2$s, '%3$s', %4$s, %5$s, %6$s, %7$s
                FROM %8$s""".formatted(keySql, revisionSql, type, sourceSql, subjectSql, timeSql, dataSql, from);
    }
}
