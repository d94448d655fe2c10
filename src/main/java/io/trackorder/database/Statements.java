package io.trackorder.database;

import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Where native SQL statements run: in a Hibernate Reactive session ({@link #of}), or in a
 * {@link PipelinedTransaction} on the SQL client. Statements number their parameters {@code ?1},
 * {@code ?2}, … in both.
 */
public interface Statements {

    /** Runs a statement: the number of rows it wrote (or, for a query, returned). */
    Uni<Integer> update(String sql, Object... parameters);

    /** The values of a query's only row, or null when it has none. */
    Uni<Object[]> row(String sql, Object... parameters);

    /** The values of each row of a query. */
    Uni<List<Object[]>> rows(String sql, Object... parameters);

    /** The statements of a session, in its transaction if it has one. */
    static Statements of(Mutiny.Session session) {
        return new SessionStatements(session);
    }
}
