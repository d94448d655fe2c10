package io.trackorder.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A transaction on one connection of the SQL client that costs a round trip less at each end:
 * {@code BEGIN} goes out with the first statement and {@code COMMIT} with the last, the one run
 * through {@link #committing()}, without waiting for each other's answers (the driver pipelines
 * them). A lock, check and change is then two round trips instead of four, once the connection has
 * prepared its statements (the pool caches them; behind a transaction pooler, where nothing is
 * cached, each statement's prepare is a round trip of its own). {@link PipelinedTransactions} runs
 * one and ends it.
 */
public final class PipelinedTransaction implements Statements {

    private static final Pattern PARAMETER = Pattern.compile("\\?([0-9]+)");
    /** The client's {@code $n} form of each statement, made once: the statements are a fixed few. */
    private static final Map<String, String> NUMBERED = new ConcurrentHashMap<>();

    private final SqlConnection connection;
    private final Statements open = new Sending(false);
    private final Statements committing = new Sending(true);
    private boolean begun;
    private boolean ended;

    PipelinedTransaction(SqlConnection connection) {
        this.connection = connection;
    }

    @Override
    public Uni<Integer> update(String sql, Object... parameters) {
        return open.update(sql, parameters);
    }

    @Override
    public Uni<Object[]> row(String sql, Object... parameters) {
        return open.row(sql, parameters);
    }

    @Override
    public Uni<List<Object[]>> rows(String sql, Object... parameters) {
        return open.rows(sql, parameters);
    }

    /**
     * Statements that commit the transaction in the same round trip as the one statement run through
     * them. Nothing may run in the transaction after it, and only reads and locks before it: if the
     * statement fails in the database, the {@code COMMIT} behind it rolls everything back, but if the
     * driver refuses it before sending it (a parameter it cannot encode), the {@code COMMIT} still
     * goes out and commits what ran before.
     */
    public Statements committing() {
        return committing;
    }

    /** Commits, unless a statement already did or none ran. */
    Uni<Void> commitIfOpen() {
        return end("COMMIT");
    }

    /** Rolls back, unless a statement already ended the transaction or none ran. */
    Uni<Void> rollbackIfOpen() {
        return end("ROLLBACK");
    }

    private Uni<Void> end(String command) {
        if (!begun || ended) {
            return Uni.createFrom().voidItem();
        }
        ended = true;
        return connection.query(command).execute().replaceWithVoid();
    }

    /**
     * The statement, after {@code BEGIN} if it is the first and before {@code COMMIT} if it
     * commits. Each is sent when subscribed to, in this order, before any answer comes back; the
     * result waits for all of them, so that the connection goes back to the pool idle.
     */
    private Uni<RowSet<Row>> execute(String sql, Object[] parameters, boolean commit) {
        // The transaction's state changes when the statement is sent, not when its Uni is made.
        return Uni.createFrom().deferred(() -> send(sql, parameters, commit));
    }

    private Uni<RowSet<Row>> send(String sql, Object[] parameters, boolean commit) {
        if (ended) {
            return Uni.createFrom().failure(new IllegalStateException("The transaction has ended"));
        }
        List<Uni<RowSet<Row>>> commands = new ArrayList<>(3);
        if (!begun) {
            begun = true;
            commands.add(connection.query("BEGIN").execute());
        }
        int statement = commands.size();
        commands.add(connection.preparedQuery(numbered(sql)).execute(Tuple.from(Arrays.asList(parameters))));
        if (commit) {
            ended = true;
            commands.add(connection.query("COMMIT").execute());
        }
        if (commands.size() == 1) {
            return commands.get(0);
        }
        return Uni.combine().all().unis(commands).collectFailures()
                .with(results -> {
                    @SuppressWarnings("unchecked")
                    RowSet<Row> result = (RowSet<Row>) results.get(statement);
                    return result;
                });
    }

    /** Sends each statement run through it, with a {@code COMMIT} behind it if {@code commit}. */
    private final class Sending implements Statements {

        private final boolean commit;

        Sending(boolean commit) {
            this.commit = commit;
        }

        @Override
        public Uni<Integer> update(String sql, Object... parameters) {
            return execute(sql, parameters, commit).map(RowSet::rowCount);
        }

        @Override
        public Uni<Object[]> row(String sql, Object... parameters) {
            return execute(sql, parameters, commit).map(PipelinedTransaction::onlyRow);
        }

        @Override
        public Uni<List<Object[]>> rows(String sql, Object... parameters) {
            return execute(sql, parameters, commit).map(PipelinedTransaction::values);
        }
    }

    private static String numbered(String sql) {
        return NUMBERED.computeIfAbsent(sql, jpa -> PARAMETER.matcher(jpa).replaceAll("\\$$1"));
    }

    private static Object[] onlyRow(RowSet<Row> rows) {
        if (rows.size() > 1) {
            throw new IllegalStateException("A query of one row returned " + rows.size());
        }
        return rows.size() == 0 ? null : values(rows.iterator().next());
    }

    private static List<Object[]> values(RowSet<Row> rows) {
        List<Object[]> values = new ArrayList<>(rows.size());
        rows.forEach(row -> values.add(values(row)));
        return values;
    }

    private static Object[] values(Row row) {
        Object[] values = new Object[row.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getValue(i);
        }
        return values;
    }
}
