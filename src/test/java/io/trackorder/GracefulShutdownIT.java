package io.trackorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.trackorder.support.Api;
import io.trackorder.support.PackagedApplication;
import io.trackorder.support.TestDatabase;

/**
 * SIGTERM against the packaged application: a request already running finishes and commits, new
 * requests get 503 in their surface's format, readiness turns DOWN, and the process then exits.
 * A row lock held from JDBC keeps the running request waiting for as long as the test needs.
 */
class GracefulShutdownIT {

    /** quarkus.shutdown.delay + quarkus.shutdown.timeout (%prod, application.properties), plus slack. */
    private static final Duration EXIT_LIMIT = Duration.ofSeconds(30);
    /** Longer than quarkus.shutdown.delay. */
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(15);
    /** What Quarkus logs when the shutdown delay is over and HTTP requests are still running. */
    private static final String WAITING_FOR_REQUESTS = "Waiting for HTTP requests to complete";
    /** 128 + SIGTERM: the JVM's status after a SIGTERM whose shutdown hooks (Quarkus' stop) all ran. */
    private static final int EXIT_AFTER_SIGTERM = 143;

    // The test holds a row lock past the shutdown delay: the database timeout must not end the
    // held request first (that is DatabaseOutageTest's subject, not this one's).
    @RegisterExtension
    static final PackagedApplication APPLICATION = new PackagedApplication(List.of("-Dmusic.database.timeout=60s"));

    @Test
    void sigtermFinishesRunningRequestsAnswersNewOnesWith503ThenExits() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        List<String> tracks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tracks.add(caller.newTrack());
            caller.add(collection, tracks.get(i));
        }
        List<String> reversed = List.of(tracks.get(2), tracks.get(1), tracks.get(0));

        CompletableFuture<Response> reorder;
        try (Connection lock = APPLICATION.database().connect()) {
            lock.setAutoCommit(false);
            lockCollection(lock, caller.organizationId(), collection);
            reorder = CompletableFuture.supplyAsync(() -> caller.request()
                    .body(Map.of("ordered_track_ids", reversed))
                    .patch(caller.path("/collections/" + collection + "/order")));
            awaitTrue("the reorder waits for the row lock", () -> waitingForLocks() > 0);

            APPLICATION.service().terminate();

            // The shutdown delay: readiness is DOWN and new requests get 503, the listener still answers.
            awaitTrue("readiness turns DOWN", () -> readinessStatus() == 503);
            assertUnavailable(caller.request().get(caller.path("/collections/" + collection)));

            // After the delay Quarkus waits (up to quarkus.shutdown.timeout) for the running reorder.
            awaitTrue("Quarkus waits for the running request", () -> output().contains(WAITING_FOR_REQUESTS));
            // Connection: close is Quarkus' (quarkus.shutdown.timeout): the client must not reuse the connection.
            assertUnavailable(caller.request().get(caller.path("/collections/" + collection)))
                    .header("Connection", "close");
            // With a bearer token, as the API asks: what refuses this request is the shutdown alone.
            given().auth().oauth2("a-client-token").get("/releases")
                    .then().statusCode(503)
                    .body("status", equalTo("error"))
                    .body("message", notNullValue());
            assertTrue(APPLICATION.service().isAlive(), "the service keeps running while a request is in flight");
            assertFalse(reorder.isDone(), "the reorder is still held by the row lock");
            lock.rollback();
        }

        Response reordered = reorder.get(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, reordered.statusCode(), reordered.asString());
        try (Connection db = APPLICATION.database().connect()) {
            assertEquals(reversed, TestDatabase.denseOrder(db, caller.organizationId(), collection));
        }

        Integer exitStatus = APPLICATION.service().awaitExit(EXIT_LIMIT);
        assertNotNull(exitStatus, "the service did not exit within " + EXIT_LIMIT);
        assertEquals(EXIT_AFTER_SIGTERM, exitStatus, APPLICATION.service().output());
        assertTrue(output().contains("track-ordering-service stopped in"), "Quarkus completed its stop");
    }

    /** A 503 in the Collections API envelope, with a request id. */
    private static ValidatableResponse assertUnavailable(Response response) {
        return response.then().statusCode(503)
                .header("X-Request-Id", notNullValue())
                .body("success", equalTo(false))
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"))
                .body("error.status", equalTo(503));
    }

    private static void lockCollection(Connection connection, String organizationId, String collectionId)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM collections WHERE organization_id = ? AND id = ? FOR UPDATE")) {
            lock.setString(1, organizationId);
            lock.setString(2, collectionId);
            try (ResultSet rows = lock.executeQuery()) {
                assertTrue(rows.next(), "collection row to lock");
            }
        }
    }

    private static int waitingForLocks() {
        try (Connection connection = APPLICATION.database().connect();
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String output() {
        try {
            return APPLICATION.service().output();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int readinessStatus() {
        return given().port(APPLICATION.service().managementPort).get("/q/health/ready").statusCode();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (!APPLICATION.service().isAlive()) {
                throw new AssertionError("The service exited before: " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + WAIT_LIMIT + ": " + what);
            }
            Thread.sleep(20);
        }
    }
}
