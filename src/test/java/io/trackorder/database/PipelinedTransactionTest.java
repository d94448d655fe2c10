package io.trackorder.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.trackorder.errors.Causes;
import io.trackorder.support.Api;
import io.trackorder.support.TestDatabase;
import io.vertx.pgclient.PgException;

/**
 * What a pipelined transaction must keep of a plain one, on the real database: all of its
 * statements or none, its row locks held to its end and released at once when it fails, and the
 * connection back in the pool outside any transaction, whether the database or the driver refused a
 * statement.
 */
@QuarkusTest
class PipelinedTransactionTest {

    private static final String RAISE = "UPDATE collections SET revision = revision + 1 WHERE organization_id = ?1 AND id = ?2";
    private static final String REVISION = "SELECT revision FROM collections WHERE organization_id = ?1 AND id = ?2";
    private static final String LOCK = REVISION + " FOR NO KEY UPDATE";
    private static final String RAISE_BY = "UPDATE collections SET revision = revision + CAST(?3 AS int)"
            + " WHERE organization_id = ?1 AND id = ?2";

    @Inject
    PipelinedTransactions transactions;

    @Test
    void aCommittingStatementSeesTheEarlierOnesAndCommitsThemAll() throws Throwable {
        Collection collection = Collection.create();
        Object[] seen = run(transaction -> transaction.update(RAISE, collection.keys())
                .chain(() -> transaction.committing().row(REVISION, collection.keys())));
        assertEquals(1L, ((Number) seen[0]).longValue(), "the raise, seen by the committing statement");
        assertEquals(1L, collection.revision(), "committed");
        assertTrue(collection.unlocked());
    }

    @Test
    void workThatEndsWithoutACommittingStatementIsCommitted() throws Throwable {
        Collection collection = Collection.create();
        run(transaction -> transaction.update(RAISE, collection.keys()).chain(() -> transaction.update(RAISE,
                collection.keys())));
        assertEquals(2L, collection.revision());
        assertTrue(collection.unlocked());
    }

    @Test
    void aFailingCommittingStatementUndoesTheEarlierOnesAndReleasesTheirLocks() throws Throwable {
        Collection collection = Collection.create();
        Backend backend = new Backend();
        assertFails(transaction -> backend.lockIn(transaction, collection)
                .chain(() -> transaction.update(RAISE, collection.keys()))
                .chain(() -> transaction.committing().update("SELECT 1 / (CAST(?1 AS int) - CAST(?1 AS int))", 7)));
        assertUndone(collection, backend);
    }

    @Test
    void workThatFailsBetweenStatementsIsRolledBackAndReleasesItsLocks() throws Throwable {
        Collection collection = Collection.create();
        Backend backend = new Backend();
        assertFails(transaction -> backend.lockIn(transaction, collection)
                .chain(() -> transaction.update(RAISE, collection.keys()))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("a check after the write"))));
        assertUndone(collection, backend);
    }

    @Test
    void aStatementTheDriverRefusesEndsTheTransactionAndItsLocks() throws Throwable {
        Collection collection = Collection.create();
        Backend backend = new Backend();
        // The driver cannot encode text as an int parameter, so the server never sees the statement.
        assertRefusedByTheDriver(transaction -> backend.lockIn(transaction, collection)
                .chain(() -> transaction.update(RAISE_BY, collection.organization(), collection.id(), "one")));
        assertUndone(collection, backend);
    }

    @Test
    void aCommittingStatementTheDriverRefusesLeavesTheLockedRowAsItWas() throws Throwable {
        Collection collection = Collection.create();
        Backend backend = new Backend();
        assertRefusedByTheDriver(transaction -> backend.lockIn(transaction, collection)
                .chain(() -> transaction.committing().update(RAISE_BY, collection.organization(), collection.id(),
                        "one")));
        assertUndone(collection, backend);
    }

    @Test
    void nothingRunsAfterTheCommittingStatement() throws Throwable {
        Collection collection = Collection.create();
        assertFails(transaction -> transaction.committing().update(RAISE, collection.keys())
                .chain(() -> transaction.update(RAISE, collection.keys())));
        assertEquals(1L, collection.revision(), "the committed statement only");
    }

    @Test
    void aCommittingStatementMadeButNeverRunLeavesTheTransactionToTheRunner() throws Throwable {
        Collection collection = Collection.create();
        Backend backend = new Backend();
        run(transaction -> {
            transaction.committing().update(RAISE, collection.keys());
            return backend.recordIn(transaction).chain(() -> transaction.update(RAISE, collection.keys()));
        });
        assertEquals(1L, collection.revision(), "the statement that ran, committed");
        assertTrue(collection.unlocked());
        backend.assertOutOfItsTransaction();
    }

    @Test
    void aQueryWithoutRowsIsNullAndEveryRowIsRead() throws Throwable {
        assertNull(run(transaction -> transaction.row("SELECT 1 WHERE false")));
        List<Object[]> rows = run(transaction -> transaction.rows("SELECT g FROM generate_series(1, ?1) g", 3));
        assertEquals(List.of(1, 2, 3), rows.stream().map(row -> row[0]).toList());
    }

    /** Nothing of the transaction stays: no write, no lock, and its connection out of it. */
    private static void assertUndone(Collection collection, Backend backend) throws SQLException {
        assertEquals(0L, collection.revision(), "nothing written");
        assertTrue(collection.unlocked());
        backend.assertOutOfItsTransaction();
    }

    private <T> T run(Function<PipelinedTransaction, Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> transactions.run(work));
    }

    private <T> Throwable assertFails(Function<PipelinedTransaction, Uni<T>> work) {
        return assertThrows(Throwable.class, () -> run(work));
    }

    /** Fails as the driver refusing a statement fails: with no answer of the database among its causes. */
    private <T> void assertRefusedByTheDriver(Function<PipelinedTransaction, Uni<T>> work) {
        Throwable failure = assertFails(work);
        assertTrue(Causes.of(failure).noneMatch(PgException.class::isInstance), failure.toString());
    }

    /** The connection a transaction ran on, as recorded from inside it. */
    private static final class Backend {

        private volatile int pid;
        private volatile String transactionStart;

        /** Runs first in the transaction: its server process and the transaction's start. */
        Uni<Void> recordIn(PipelinedTransaction transaction) {
            return transaction.row("SELECT pg_backend_pid(), CAST(now() AS text)").invoke(row -> {
                pid = (Integer) row[0];
                transactionStart = (String) row[1];
            }).replaceWithVoid();
        }

        /** Records, then locks the collection's row: what every failure test undoes. */
        Uni<Object[]> lockIn(PipelinedTransaction transaction, Collection collection) {
            return recordIn(transaction).chain(() -> transaction.row(LOCK, collection.keys()));
        }

        /**
         * Back in the pool, the connection's server process is out of that transaction: idle, or in a
         * later one of another user of the pool (the outbox relay's passes share it).
         */
        void assertOutOfItsTransaction() throws SQLException {
            try (Connection db = TestDatabase.connect();
                    PreparedStatement state = db.prepareStatement("SELECT state,"
                            + " xact_start IS NOT DISTINCT FROM CAST(? AS timestamptz) FROM pg_stat_activity WHERE pid = ?")) {
                state.setString(1, transactionStart);
                state.setInt(2, pid);
                try (ResultSet row = state.executeQuery()) {
                    assertTrue(row.next(), "the connection's server process is gone");
                    assertNotNull(row.getString(1), "the server process's activity is hidden from the test");
                    assertFalse(row.getBoolean(2), "still in the transaction, " + row.getString(1));
                }
            }
        }
    }

    /** A collection of its own, at revision 0. */
    private record Collection(String organization, String id) {

        static Collection create() {
            Api.Caller caller = Api.newCaller();
            return new Collection(caller.organizationId(), caller.newCollection());
        }

        Object[] keys() {
            return new Object[] { organization, id };
        }

        long revision() throws SQLException {
            return TestDatabase.revision(organization, id);
        }

        /** Whether another session can lock the row at once. */
        boolean unlocked() throws SQLException {
            try (Connection db = TestDatabase.connect();
                    PreparedStatement lock = db.prepareStatement(
                            "SELECT 1 FROM collections WHERE organization_id = ? AND id = ? FOR UPDATE NOWAIT")) {
                lock.setString(1, organization);
                lock.setString(2, id);
                lock.executeQuery().close();
                return true;
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        }
    }
}
