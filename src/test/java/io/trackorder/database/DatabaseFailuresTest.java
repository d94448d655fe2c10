package io.trackorder.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;

import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;

/**
 * Which failures say "the database is not there right now" (503), which "the database is there but
 * the resource is busy" (503 with Retry-After), rather than "a bug" (500).
 */
class DatabaseFailuresTest {

    @Test
    void aDatabaseThatIsGoneOrGoingOrSlowIsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new HibernateException("HR000092", new ConnectException("refused"))));
        assertTrue(DatabaseFailures.isUnavailable(new HibernateException("HR000092", new SocketException("Connection reset"))));
        assertTrue(DatabaseFailures.isUnavailable(state("57P01"))); // terminating connection due to administrator command
        assertTrue(DatabaseFailures.isUnavailable(state("57P03"))); // the database system is starting up
        assertTrue(DatabaseFailures.isUnavailable(state("08006"))); // connection failure
        assertTrue(DatabaseFailures.isUnavailable(new IllegalStateException(new DatabaseTimeout())));
        assertTrue(DatabaseFailures.isUnavailable(new CompositeException(new IllegalStateException("HR000090: rollback"),
                new NoStackTraceThrowable("Connection is not active now, current status: CLOSED"))));
    }

    /** What the driver reports for the statements of a pipeline the server closed the connection under. */
    @Test
    void aStatementWrittenToOrQueuedOnAClosedConnectionIsUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new CompositeException(new IOException("Broken pipe"),
                new IOException("Broken pipe"))));
        assertTrue(DatabaseFailures.isUnavailable(new IOException("Connection reset by peer")));
        assertTrue(DatabaseFailures.isUnavailable(new VertxException(
                "Pending requests failed to be sent due to connection has been closed.",
                new IllegalStateException("the codec's failure"))));
        assertTrue(DatabaseFailures.isUnavailable(
                new NoStackTraceThrowable("Pending requests failed to be sent due to connection has been closed.")));
    }

    /** Among them the plain IOExceptions of reading a request body: too slow, too large, or a broken stream. */
    @Test
    void anIoFailureOfAnotherKindIsNotTheDatabases() {
        for (Throwable other : new Throwable[] { new IOException("Read timed out"), new IOException("Request too large"),
                new IOException(new IllegalStateException("a malformed chunk")),
                new IOException("Broken pipe", new IllegalStateException("wrapped by code of ours")),
                new JsonParseException(null, "Unexpected character"),
                new IllegalStateException(new FileNotFoundException("missing")), new NoStackTraceThrowable("Pending"),
                new VertxException("Connection refused by the broker") }) {
            assertFalse(DatabaseFailures.isUnavailable(other), other.toString());
        }
    }

    @Test
    void aHealthyDatabaseThatEndedALockWaitOrALongStatementIsBusyNotUnavailable() {
        for (String busy : new String[] { "57014", "55P03" }) { // statement_timeout, lock_timeout
            assertTrue(DatabaseFailures.isBusy(state(busy)), busy);
            assertTrue(DatabaseFailures.isBusy(new CompositeException(new IllegalStateException("HR000090: rollback"),
                    state(busy))), busy + " among other failures");
            assertFalse(DatabaseFailures.isUnavailable(state(busy)), busy);
        }
    }

    @Test
    void noAnswerAtAllIsNotBusy() {
        assertFalse(DatabaseFailures.isBusy(new IllegalStateException(new DatabaseTimeout())));
        assertFalse(DatabaseFailures.isBusy(new HibernateException("HR000092", new ConnectException("refused"))));
        assertFalse(DatabaseFailures.isBusy(state("57P01")));
    }

    @Test
    void otherDatabaseErrorsAreNeither() {
        for (RuntimeException error : new RuntimeException[] { state("23505"), state("22021"),
                new IllegalStateException("bug") }) { // unique violation: a bug; bad value: the client's
            assertFalse(DatabaseFailures.isUnavailable(error));
            assertFalse(DatabaseFailures.isBusy(error));
        }
    }

    private static RuntimeException state(String sqlState) {
        return new HibernateException("wrapped", new PgException("message", "FATAL", sqlState, null));
    }
}
