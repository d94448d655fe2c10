package io.trackorder;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.trackorder.support.Api;
import io.trackorder.support.PackagedApplication;

/**
 * The packaged application logs as production does: one JSON object per line, and a request's lines
 * carry its id as {@code mdc.traceId}. The HTTP access log (off by default) is switched on
 * here because it is the one line every request writes.
 */
class ProductionLogsIT {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PackagedApplication APPLICATION = new PackagedApplication(List.of("-Dquarkus.http.access-log.enabled=true"));

    @Test
    void everyLineIsJsonAndARequestsLinesCarryItsTraceId() throws Exception {
        Api.Caller caller = Api.newCaller();
        String path = caller.path("/collections");
        given().header("X-API-Key", caller.apiKey()).header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                .contentType(ContentType.JSON).body(Map.of("name", "logged")).post(path)
                .then().statusCode(201).header("X-Request-Id", TRACE_ID);

        JsonNode accessLine = awaitLine("\"POST " + path + " ");
        assertEquals(TRACE_ID, accessLine.path("mdc").path("traceId").asText(), accessLine.toString());

        List<JsonNode> lines = new ArrayList<>();
        for (String line : APPLICATION.service().output().split("\n")) {
            if (!line.isBlank()) {
                JsonNode parsed = JSON.readTree(line);
                assertTrue(parsed.isObject() && parsed.hasNonNull("level") && parsed.hasNonNull("message"), line);
                lines.add(parsed);
            }
        }
        assertTrue(lines.stream().anyMatch(line -> line.path("message").asText().contains("started in")), "start-up logged");
        String output = APPLICATION.service().output();
        assertFalse(output.contains(caller.apiKey()), "no API key in the log");
        assertFalse(output.contains(Api.ADMIN_TOKEN), "no admin token in the log");
    }

    /** The access log writes its line when the response has gone out, so it may come a moment after. */
    private static JsonNode awaitLine(String text) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            for (String line : APPLICATION.service().output().split("\n")) {
                if (line.contains(text)) {
                    return JSON.readTree(line);
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no log line with " + text + " in\n" + APPLICATION.service().output());
    }
}
