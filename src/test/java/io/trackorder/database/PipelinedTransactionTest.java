package io.trackorder.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.trackorder.support.Api;
import io.trackorder.support.TestDatabase;

/**
 * What a pipelined transaction must keep of a plain one, on the real database: all of its
 * statements or none, its row locks held to its end and released at once when it fails, and the
 * connection back in the pool outside any transaction.
 */
@QuarkusTest
class PipelinedTransactionTest {

    private static final String RAISE = "UPDATE collections SET revision = revision + 1 WHERE organization_id = ?1 AND id = ?2";
    private static final String REVISION = "SELECT revision FROM collections WHERE organization_id = ?1 AND id = ?2";
    private static final String LOCK = REVISION + " FOR NO KEY UPDATE";

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
        assertFails(transaction -> transaction.row(LOCK, collection.keys())
                .chain(() -> transaction.update(RAISE, collection.keys()))
                .chain(() -> transaction.committing().update("SELECT 1 / (?1 - ?1)", 7)));
        assertEquals(0L, collection.revision(), "nothing written");
        assertTrue(collection.unlocked());
        assertOutsideATransaction();
    }

    @Test
    void workThatFailsBetweenStatementsIsRolledBackAndReleasesItsLocks() throws Throwable {
        Collection collection = Collection.create();
        assertFails(transaction -> transaction.row(LOCK, collection.keys())
                .chain(() -> transaction.update(RAISE, collection.keys()))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("a check after the write"))));
        assertEquals(0L, collection.revision(), "nothing written");
        assertTrue(collection.unlocked());
        assertOutsideATransaction();
    }

    @Test
    void aFailingFirstStatementLeavesTheConnectionUsable() throws Throwable {
        assertFails(transaction -> transaction.row("SELECT CAST(?1 AS int)", "not a number"));
        assertOutsideATransaction();
    }

    @Test
    void nothingRunsAfterTheCommittingStatement() throws Throwable {
        Collection collection = Collection.create();
        assertFails(transaction -> transaction.committing().update(RAISE, collection.keys())
                .chain(() -> transaction.update(RAISE, collection.keys())));
        assertEquals(1L, collection.revision(), "the committed statement only");
    }

    @Test
    void parametersFromTenOnAreNumberedWhole() throws Throwable {
        Object[] sum = run(transaction -> transaction.committing().row(
                "SELECT CAST(?1 AS int) + ?2 + ?3 + ?4 + ?5 + ?6 + ?7 + ?8 + ?9 + ?10 + ?11",
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        assertEquals(66L, ((Number) sum[0]).longValue());
    }

    @Test
    void aQueryWithoutRowsIsNullAndEveryRowIsRead() throws Throwable {
        assertNull(run(transaction -> transaction.row("SELECT 1 WHERE false")));
        List<Object[]> rows = run(transaction -> transaction.rows("SELECT g FROM generate_series(1, ?1) g", 3));
        assertEquals(List.of(1, 2, 3), rows.stream().map(row -> row[0]).toList());
    }

    /** A transaction of the pool, afterwards: every connection it returned is outside a transaction. */
    private void assertOutsideATransaction() throws Throwable {
        Object[] state = run(transaction -> transaction.committing().row(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        + " AND state LIKE 'idle in transaction%' AND application_name = current_setting('application_name')"));
        assertEquals(0L, ((Number) state[0]).longValue(), "connections left in a transaction");
    }

    private <T> T run(Function<PipelinedTransaction, Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> transactions.run(work));
    }

    private <T> void assertFails(Function<PipelinedTransaction, Uni<T>> work) {
        assertThrows(Throwable.class, () -> run(work));
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
