package io.trackorder;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.trackorder.support.Api;
import io.trackorder.support.PackagedApplication;
import io.trackorder.support.ServiceProcess;

/**
 * Spans leave the packaged service only for a configured collector: with
 * {@code quarkus.otel.exporter.otlp.endpoint} set they are sent there (OTLP over HTTP here); without it
 * nothing connects to Quarkus' default collector address and nothing is logged about exporting.
 */
class TraceExportIT {

    private static final String TRACE_ID = "5bd66ef5095369c7b0d1f8f4bd33716a";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-c532cb4098ac3dd2-01";
    // Spans go out in batches; a short delay keeps the test short.
    private static final String BATCH_DELAY = "-Dquarkus.otel.bsp.schedule.delay=100ms";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<byte[]> EXPORTED = new CopyOnWriteArrayList<>();
    private static final HttpServer COLLECTOR = collector();

    @RegisterExtension
    static final PackagedApplication APPLICATION = new PackagedApplication(List.of(
            "-Dquarkus.otel.exporter.otlp.endpoint=http://127.0.0.1:" + COLLECTOR.getAddress().getPort(),
            "-Dquarkus.otel.exporter.otlp.protocol=http/protobuf", BATCH_DELAY));

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop(0);
    }

    @Test
    void withAnEndpointTheSpansReachTheCollector() throws Exception {
        Api.Caller caller = Api.newCaller();
        caller.request().header("traceparent", TRACEPARENT).get(caller.path("/collections"))
                .then().statusCode(200).header("X-Request-Id", TRACE_ID);

        // The OTLP protobuf body carries trace ids as their 16 raw bytes.
        byte[] traceId = HexFormat.of().parseHex(TRACE_ID);
        for (int attempt = 0; attempt < 100 && EXPORTED.stream().noneMatch(body -> contains(body, traceId)); attempt++) {
            Thread.sleep(100);
        }
        assertTrue(EXPORTED.stream().anyMatch(body -> contains(body, traceId)),
                EXPORTED.size() + " exports, none of the trace");
    }

    @Test
    void withoutAnEndpointNothingIsExportedNorLogged() throws Exception {
        Path log = Path.of("target", "failsafe-reports", "TraceExportIT-no-collector-service.log");
        try (ServerSocket defaultCollector = defaultCollectorAddress();
                ServiceProcess service = ServiceProcess.start(ServiceProcess.JAR, List.of(BATCH_DELAY),
                        APPLICATION.database(), Api.ADMIN_TOKEN, log)) {
            given().port(service.port).header("traceparent", TRACEPARENT).get("/v1/music/org_x/collections")
                    .then().statusCode(401).header("X-Request-Id", TRACE_ID);
            Thread.sleep(1_000); // ten batch delays

            if (defaultCollector != null) {
                defaultCollector.setSoTimeout(1);
                assertThrows(SocketTimeoutException.class, defaultCollector::accept, "a connection to localhost:4317");
            }
            for (String line : Files.readAllLines(log)) {
                JsonNode entry = JSON.readTree(line);
                boolean quiet = List.of("DEBUG", "INFO").contains(entry.path("level").asText());
                assertTrue(quiet || !entry.path("loggerName").asText().contains("opentelemetry"), line);
                // ":4317", not "4317": a timestamp's nanoseconds may hold those digits.
                assertFalse(line.toLowerCase().contains("export") || line.contains(":4317"), line);
            }
        }
    }

    /** A listener where Quarkus' OTLP exporter sends by default, or null when something else has the port. */
    private static ServerSocket defaultCollectorAddress() {
        try {
            return new ServerSocket(4317, 50, InetAddress.getLoopbackAddress());
        } catch (IOException taken) {
            return null;
        }
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/v1/traces", exchange -> {
                EXPORTED.add(exchange.getRequestBody().readAllBytes());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean contains(byte[] body, byte[] part) {
        return new String(body, StandardCharsets.ISO_8859_1).contains(new String(part, StandardCharsets.ISO_8859_1));
    }
}
