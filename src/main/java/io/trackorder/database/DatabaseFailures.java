package io.trackorder.database;

import java.io.IOException;
import java.net.SocketException;
import java.sql.SQLException;

import io.netty.channel.ConnectTimeoutException;
import io.trackorder.errors.Causes;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a database that cannot be reached, or one that is up but could not finish in time, from a
 * bug: the first two become 503 (with different reasons), only the last 500.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * A value the database cannot store or compare, such as a NUL character in a string: SQLSTATE
     * class 22, "data exception". It comes from the request, so it is the client's error.
     */
    public static boolean isBadValue(Throwable error) {
        return Causes.of(error).map(DatabaseFailures::sqlState).anyMatch(state -> state != null && state.startsWith("22"));
    }

    /**
     * The database answered, but ended the work because it waited for a lock longer than
     * {@code lock_timeout} (SQLSTATE 55P03) or ran longer than {@code statement_timeout} (57014):
     * the database is healthy and the resource is busy, a retry shortly after may succeed.
     */
    public static boolean isBusy(Throwable error) {
        return Causes.of(error).map(DatabaseFailures::sqlState)
                .anyMatch(state -> "55P03".equals(state) || "57014".equals(state));
    }

    /**
     * The database cannot be reached, went away mid-request, is starting or shutting down, or did
     * not answer at all within {@code music.database.timeout}: a retry may succeed, so 503.
     */
    public static boolean isUnavailable(Throwable error) {
        // SocketException covers a refused connection and one reset by a server that is going down.
        return Causes.of(error).anyMatch(t -> t instanceof SocketException || t instanceof ClosedConnectionException
                || t instanceof ConnectTimeoutException || t instanceof DatabaseTimeout
                || isUnavailableState(sqlState(t)) || isOnClosedConnection(t) || isBrokenPipe(t));
    }

    /**
     * A statement sent on a connection the server closed a moment before (it was shutting down), or
     * queued behind one sent there: the driver says so only in messages, on a NoStackTraceThrowable
     * or, when the close had a cause, a VertxException.
     */
    private static boolean isOnClosedConnection(Throwable error) {
        String message = error.getMessage();
        return (error instanceof NoStackTraceThrowable || error instanceof VertxException) && message != null
                && (message.startsWith("Connection is not active now") || message.startsWith("Pending requests failed"));
    }

    /**
     * A statement written to a socket the server had just closed: the JDK fails the write with a
     * plain IOException of the operating system's message, not a SocketException. Other plain
     * IOExceptions, such as a request body that arrives too slowly, are not the database's.
     */
    private static boolean isBrokenPipe(Throwable error) {
        return error.getClass() == IOException.class && error.getCause() == null
                && ("Broken pipe".equals(error.getMessage()) || "Connection reset by peer".equals(error.getMessage()));
    }

    /**
     * SQLSTATE class 08 (connection exception) and 57P.. (the server is shutting down, crashed,
     * cannot accept connections yet, or ended the session).
     */
    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private static String sqlState(Throwable error) {
        return error instanceof PgException pg ? pg.getSqlState()
                : error instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
