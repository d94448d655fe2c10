package io.trackorder.database;

import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** {@link Statements} as native queries of a Hibernate Reactive session. */
record SessionStatements(Mutiny.Session session) implements Statements {

    @Override
    public Uni<Integer> update(String sql, Object... parameters) {
        return bind(session.createNativeQuery(sql), parameters).executeUpdate();
    }

    @Override
    public Uni<Object[]> row(String sql, Object... parameters) {
        return bind(session.<Object> createNativeQuery(sql), parameters).getSingleResultOrNull()
                .map(SessionStatements::values);
    }

    @Override
    public Uni<List<Object[]>> rows(String sql, Object... parameters) {
        return bind(session.<Object> createNativeQuery(sql), parameters).getResultList()
                .map(rows -> rows.stream().map(SessionStatements::values).toList());
    }

    /** A native query's row is its one column's value alone, or an array of its columns' values. */
    private static Object[] values(Object row) {
        if (row == null || row instanceof Object[]) {
            return (Object[]) row;
        }
        return new Object[] { row };
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Object[] parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
