package io.trackorder.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.stream.Stream;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Tells a database that cannot be reached from a bug, so the first becomes 503 and only the second 500. */
final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * A value the database cannot store or compare, such as a NUL character in a string: SQLSTATE
     * class 22, "data exception". It comes from the request, so it is the client's error.
     */
    static boolean isBadValue(Throwable error) {
        return causes(error).anyMatch(t -> {
            String state = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof SQLException sql ? sql.getSQLState() : null;
            return state != null && state.startsWith("22");
        });
    }

    static boolean isUnavailable(Throwable error) {
        return causes(error).anyMatch(t -> t instanceof ConnectException || t instanceof ClosedConnectionException
                || t instanceof ConnectTimeoutException);
    }

    /** The error and its causes, outermost first. */
    private static Stream<Throwable> causes(Throwable error) {
        return Stream.iterate(error, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }
}
