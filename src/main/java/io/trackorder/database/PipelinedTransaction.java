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
 * them). A lock, check and change is then two round trips instead of four. {@link PipelinedTransactions}
 * runs one and ends it.
 */
public final class PipelinedTransaction implements Statements {

    private static final Pattern PARAMETER = Pattern.compile("\\?([0-9]+)");
    /** The client's {@code $n} form of each statement, made once: the statements are a fixed few. */
    private static final Map<String, String> NUMBERED = new ConcurrentHashMap<>();

    private final SqlConnection connection;
    private boolean begun;
    private boolean ended;

    PipelinedTransaction(SqlConnection connection) {
        this.connection = connection;
    }

    @Override
    public Uni<Integer> update(String sql, Object... parameters) {
        return execute(sql, parameters, false).map(RowSet::rowCount);
    }

    @Override
    public Uni<Object[]> row(String sql, Object... parameters) {
        return execute(sql, parameters, false).map(PipelinedTransaction::onlyRow);
    }

    @Override
    public Uni<List<Object[]>> rows(String sql, Object... parameters) {
        return execute(sql, parameters, false).map(PipelinedTransaction::values);
    }

    /**
     * Statements that commit the transaction in the same round trip as the one statement run through
     * them; if that statement fails, the server rolls the transaction back instead. Nothing may run
     * in the transaction after it.
     */
    public Statements committing() {
        return new Statements() {
            @Override
            public Uni<Integer> update(String sql, Object... parameters) {
                return execute(sql, parameters, true).map(RowSet::rowCount);
            }

            @Override
            public Uni<Object[]> row(String sql, Object... parameters) {
                return execute(sql, parameters, true).map(PipelinedTransaction::onlyRow);
            }

            @Override
            public Uni<List<Object[]>> rows(String sql, Object... parameters) {
                return execute(sql, parameters, true).map(PipelinedTransaction::values);
            }
        };
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
