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
        return bind(session.createNativeQuery(sql, Object[].class), parameters).getSingleResultOrNull();
    }

    @Override
    public Uni<List<Object[]>> rows(String sql, Object... parameters) {
        return bind(session.createNativeQuery(sql, Object[].class), parameters).getResultList();
    }

    private static <Q extends Mutiny.AbstractQuery> Q bind(Q query, Object[] parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
