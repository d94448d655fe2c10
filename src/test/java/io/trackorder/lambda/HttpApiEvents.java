package io.trackorder.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

/**
 * Invokes the function the way API Gateway's HTTP API does: a payload format 2.0 event posted to
 * Quarkus' mock Lambda runtime, whose answer is the function's raw response object. (rest-assured
 * in these tests reaches the function too: the mock runtime turns its plain HTTP requests into
 * events, and Quarkus points rest-assured at it.)
 */
final class HttpApiEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Not rest-assured: its global OpenAPI check would take the runtime's endpoint for an API path. */
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private HttpApiEvents() {
    }

    static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
    }

    /** A request as API Gateway sends it; the body, if any, is JSON text. */
    static Reply send(String method, String path, Map<String, String> headers, String body) {
        return send(method, path, headers, body, false);
    }

    /** The same with the body base64-encoded, as API Gateway sends bodies it does not take for text. */
    static Reply sendEncoded(String method, String path, Map<String, String> headers, String body) {
        return sendEncoded(method, path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Any bytes as the body, base64-encoded: how API Gateway passes a body that is not UTF-8 text. */
    static Reply sendEncoded(String method, String path, Map<String, String> headers, byte[] body) {
        return send(method, path, headers, Base64.getEncoder().encodeToString(body), true);
    }

    private static Reply send(String method, String path, Map<String, String> headers, String body, boolean encoded) {
        int query = path.indexOf('?');
        String rawPath = query < 0 ? path : path.substring(0, query);
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "203.0.113.7");
        http.put("userAgent", "lambda-test");
        Instant now = Instant.now();
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "123456789012");
        context.put("apiId", "api0");
        context.put("domainName", "api0.execute-api.eu-west-1.amazonaws.com");
        context.put("domainPrefix", "api0");
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", now.toString());
        context.put("timeEpoch", now.toEpochMilli());
        Map<String, String> lowerCased = new LinkedHashMap<>();
        headers.forEach((name, value) -> lowerCased.put(name.toLowerCase(Locale.ROOT), value));
        lowerCased.put("host", "api0.execute-api.eu-west-1.amazonaws.com");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", rawPath);
        event.put("rawQueryString", query < 0 ? "" : path.substring(query + 1));
        event.put("headers", lowerCased);
        event.put("requestContext", context);
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", encoded);

        String answer;
        try {
            HttpResponse<String> invoked = CLIENT.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/_lambda_"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (invoked.statusCode() != 200) {
                throw new AssertionError("The mock Lambda runtime answered " + invoked.statusCode() + ": " + invoked.body());
            }
            answer = invoked.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try {
            return Reply.of(JSON.readTree(answer));
        } catch (IOException e) {
            throw new AssertionError("The function's answer is not a response object: " + answer, e);
        }
    }

    /** The function's response object: status, headers (names lower-cased) and body as text. */
    record Reply(int status, Map<String, String> headers, String body) {

        static Reply of(JsonNode response) {
            Map<String, String> headers = new LinkedHashMap<>();
            response.path("headers").properties()
                    .forEach(header -> headers.put(header.getKey().toLowerCase(Locale.ROOT),
                            header.getValue().asText()));
            response.path("multiValueHeaders").properties()
                    .forEach(header -> headers.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT),
                            header.getValue().path(0).asText()));
            String body = response.path("body").asText("");
            if (response.path("isBase64Encoded").asBoolean()) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            return new Reply(response.path("statusCode").asInt(), headers, body);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonPath json() {
            return JsonPath.from(body);
        }
    }
}
