package io.trackorder.apikeys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Api;
import io.trackorder.support.SpanCapture;
import io.trackorder.support.TestDatabase;

/**
 * A key found valid is not looked up again for a few seconds, yet a revocation, however it is
 * made, is refused within a second: the revocation's notice evicts the key, and while nobody
 * listens for notices nothing is cached.
 */
@QuarkusTest
class VerifiedKeysTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final String LISTENER = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
            + " AND query = 'LISTEN \"" + RevocationListener.CHANNEL + "\"'";

    @Inject
    SpanCapture spans;

    @Test
    void aKeyJustFoundValidIsNotLookedUpAgain() throws Exception {
        Api.Caller caller = Api.newCaller();

        assertTrue(looksUpTheKey(caller), "the first request looks the key up");
        assertFalse(looksUpTheKey(caller), "the next one takes it from the cache");
    }

    @Test
    void aCachedKeyRevokedThroughTheAdminApiIsRefusedWithinASecond() throws Exception {
        Api.Caller caller = cachedCaller();

        Api.admin().delete("/admin/api-keys/" + idOf(caller)).then().statusCode(200);

        assertRefusedWithinASecond(caller);
    }

    @Test
    void aCachedKeyRevokedInSqlIsRefusedWithinASecond() throws Exception {
        Api.Caller caller = cachedCaller();

        sql("UPDATE api_keys SET revoked_at = now() WHERE id = ?", idOf(caller));

        assertRefusedWithinASecond(caller);
    }

    @Test
    void aNoticeFromAnotherConnectionEvictsTheKey() throws Exception {
        Api.Caller caller = cachedCaller();

        sql("SELECT pg_notify('" + RevocationListener.CHANNEL + "', encode(key_hash, 'hex')) FROM api_keys WHERE id = ?",
                idOf(caller));

        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!looksUpTheKey(caller)) {
            assertTrue(System.nanoTime() < deadline, "still cached " + WITHIN + " after the notice");
        }
    }

    /**
     * The listener's connection is ended by the server. A key revoked before the listener is back,
     * whose notice nobody hears, is refused all the same; once back, the listener starts from an
     * empty cache, and keeps keys again.
     */
    @Test
    void whileTheListenerIsDisconnectedNothingIsCached() throws Exception {
        Api.Caller kept = cachedCaller();
        Api.Caller revoked = cachedCaller();
        List<Integer> before = listeners();
        assertFalse(before.isEmpty(), "the application listens");

        terminate(before);
        sql("UPDATE api_keys SET revoked_at = now() WHERE id = ?", idOf(revoked));

        assertRefusedWithinASecond(revoked);
        awaitNewListener(before);
        assertTrue(looksUpTheKey(kept), "the cache was emptied when the connection was lost");
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (looksUpTheKey(kept)) {
            assertTrue(System.nanoTime() < deadline, "keys are kept again once the listener is back");
        }
    }

    private Api.Caller cachedCaller() throws Exception {
        Api.Caller caller = Api.newCaller();
        looksUpTheKey(caller);
        assertFalse(looksUpTheKey(caller), "cached");
        return caller;
    }

    private boolean looksUpTheKey(Api.Caller caller) throws InterruptedException {
        return looksUpTheKey(spans, caller);
    }

    /** Sends an authenticated request; whether it looked the key up in the database. */
    static boolean looksUpTheKey(SpanCapture spans, Api.Caller caller) throws InterruptedException {
        try (SpanCapture capture = spans.start()) {
            String traceId = caller.request().get(caller.path("/tracks")).then().statusCode(200)
                    .extract().header("X-Request-Id");
            return capture.statements(traceId).stream().anyMatch(sql -> sql.contains(" from api_keys "));
        }
    }

    private static void assertRefusedWithinASecond(Api.Caller caller) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (caller.request().get(caller.path("/tracks")).statusCode() != 401) {
            assertTrue(System.nanoTime() < deadline, "still accepted " + WITHIN + " after the revocation");
            Thread.sleep(20);
        }
    }

    /** Ends the listeners' connections; skipped where the test's database role may not. */
    private static void terminate(List<Integer> listeners) throws SQLException {
        try (Connection db = TestDatabase.connect()) {
            for (int pid : listeners) {
                try (PreparedStatement kill = db.prepareStatement("SELECT pg_terminate_backend(?)")) {
                    kill.setInt(1, pid);
                    try (ResultSet result = kill.executeQuery()) {
                        result.next();
                        assertTrue(result.getBoolean(1), "terminated " + pid);
                    }
                } catch (SQLException e) {
                    // 42501: insufficient_privilege (a role that is neither the listener's nor a superuser)
                    assumeTrue(!"42501".equals(e.getSQLState()), "this database role may not end other sessions");
                    throw e;
                }
            }
        }
    }

    private static void awaitNewListener(List<Integer> old) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (listeners().stream().allMatch(old::contains)) {
            assertTrue(System.nanoTime() < deadline, "the listener did not come back");
            Thread.sleep(50);
        }
    }

    private static List<Integer> listeners() throws SQLException {
        try (Connection db = TestDatabase.connect(); ResultSet rows = db.createStatement().executeQuery(LISTENER)) {
            List<Integer> pids = new ArrayList<>();
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
            return pids;
        }
    }

    private static String idOf(Api.Caller caller) throws SQLException {
        try (Connection db = TestDatabase.connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT id FROM api_keys WHERE key_hash = sha256(convert_to(?, 'UTF8'))")) {
            query.setString(1, caller.apiKey());
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "the key exists");
                return rows.getString(1);
            }
        }
    }

    private static void sql(String statement, String parameter) throws SQLException {
        try (Connection db = TestDatabase.connect(); PreparedStatement update = db.prepareStatement(statement)) {
            update.setString(1, parameter);
            update.execute();
        }
    }
}
