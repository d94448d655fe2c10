package io.trackorder.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;

/** Which failures say "the database is not there right now" (503) rather than "a bug" (500). */
class DatabaseFailuresTest {

    @Test
    void aDatabaseThatIsGoneOrGoingOrSlowIsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new HibernateException("HR000092", new ConnectException("refused"))));
        assertTrue(DatabaseFailures.isUnavailable(new HibernateException("HR000092", new SocketException("Connection reset"))));
        assertTrue(DatabaseFailures.isUnavailable(state("57P01"))); // terminating connection due to administrator command
        assertTrue(DatabaseFailures.isUnavailable(state("57P03"))); // the database system is starting up
        assertTrue(DatabaseFailures.isUnavailable(state("08006"))); // connection failure
        assertTrue(DatabaseFailures.isUnavailable(state("57014"))); // statement_timeout
        assertTrue(DatabaseFailures.isUnavailable(new IllegalStateException(new DatabaseTimeout())));
        assertTrue(DatabaseFailures.isUnavailable(new CompositeException(new IllegalStateException("HR000090: rollback"),
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED"))));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseFailures.isUnavailable(state("23505"))); // unique violation: a bug
        assertFalse(DatabaseFailures.isUnavailable(state("22021"))); // bad value: the client's
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("bug")));
    }

    private static RuntimeException state(String sqlState) {
        return new HibernateException("wrapped", new PgException("message", "FATAL", sqlState, null));
    }
}
