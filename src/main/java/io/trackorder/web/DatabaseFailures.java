package io.trackorder.web;

import java.net.ConnectException;
import java.sql.SQLException;

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
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            String state = t instanceof PgException pg ? pg.getSqlState()
                    : t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && state.startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
