package io.trackorder.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.trackorder.support.Api;
import io.trackorder.support.LogCapture;
import io.trackorder.support.PatientDatabase;
import io.trackorder.support.TestDatabase;

/** Clients that hang up mid-request must not cost the service its database connections. */
@QuarkusTest
@TestProfile(PatientDatabase.class)
class ClientDisconnectTest {

    private static final int POOL_SIZE = 20;

    @TestHTTPResource("/")
    URL root;

    @Test
    void hangUpsDuringReordersLeaveEveryConnectionInThePoolAndNoOrderHalfWritten() throws Exception {
        Api.Caller caller = Api.newCaller();
        String collection = caller.newCollection();
        // Long enough that a hang-up lands mid-statement, short enough that the reorders the hung-up
        // clients left behind (they run to completion, one at a time on the list's lock, each also
        // recording the order history) are done before the next test needs the service.
        List<String> members = TestDatabase.seedMembers(caller.organizationId(), caller.userId(), collection, 100);
        String path = caller.path("/collections/" + collection + "/order");
        // Twice as many clients as the pool has connections, so that hang-ups also land while a
        // request waits for a connection, not only while it holds one.
        ExecutorService hangUps = Executors.newFixedThreadPool(2 * POOL_SIZE);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < 2 * POOL_SIZE; client++) {
                Random random = new Random(client);
                done.add(hangUps.submit(() -> {
                    for (int call = 0; call < 10; call++) {
                        hangUpDuring(path, caller.apiKey(), shuffled(members, random), random.nextInt(40));
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get(60, TimeUnit.SECONDS);
            }
        } finally {
            hangUps.shutdownNow();
        }

        // More concurrent calls than the pool has connections, each answered promptly.
        ExecutorService clients = Executors.newFixedThreadPool(3 * POOL_SIZE);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 3 * POOL_SIZE; i++) {
                answers.add(clients.submit(() -> caller.request().get(caller.path("/collections/" + collection)).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get(20, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(new HashSet<>(members), new HashSet<>(TestDatabase.denseOrder(caller.organizationId(), collection)),
                "dense positions over exactly the members");
    }

    @Test
    void aClientThatHangsUpWhileSendingItsBodyIsLoggedQuietlyAndRealBugsStillAreErrors() throws Exception {
        Api.Caller caller = Api.newCaller();
        try (LogCapture log = LogCapture.start("io.trackorder.errors")) {
            // Over Quarkus REST's 10 KiB input buffer: the body is then read as a stream, which fails when the client goes.
            try (Socket socket = new Socket(root.getHost(), root.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(
                        ("POST " + caller.path("/collections") + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + caller.apiKey()
                                + "\r\nContent-Type: application/json\r\nContent-Length: 50000\r\n\r\n{\"name\": \""
                                + "x".repeat(20_000))
                                .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(200);
            }
            LogCapture.Entry hangUp = awaitEntry(log, "closed the connection");
            assertEquals(Level.FINE.intValue(), hangUp.level().intValue(), hangUp.text());
            assertNull(hangUp.stackTrace(), hangUp.text());

            caller.request().get(caller.path("/test-failure")).then().statusCode(500);
            LogCapture.Entry bug = awaitEntry(log, "Unexpected failure");
            assertEquals(Level.SEVERE.intValue(), bug.level().intValue(), bug.text());
            assertNotNull(bug.stackTrace(), bug.text());
            assertEquals(List.of(bug), log.entries().stream()
                    .filter(entry -> entry.level().intValue() >= Level.WARNING.intValue()).toList(),
                    "the only warning or error");
        }
    }

    private static LogCapture.Entry awaitEntry(LogCapture log, String text) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (LogCapture.Entry entry : log.entries()) {
                if (entry.message().contains(text)) {
                    return entry;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log record with \"" + text + "\" in " + log.entries());
    }

    private static List<String> shuffled(List<String> members, Random random) {
        List<String> order = new ArrayList<>(members);
        Collections.shuffle(order, random);
        return order;
    }

    /** Sends a reorder and resets the connection {@code millis} later, before the answer. */
    private void hangUpDuring(String path, String apiKey, List<String> order, int millis) throws Exception {
        byte[] body = ("{\"ordered_track_ids\":[\"" + String.join("\",\"", order) + "\"]}").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + path + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + apiKey
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            Thread.sleep(millis);
            socket.setSoLinger(true, 0);
        }
    }
}
