package io.trackorder.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.trackorder.support.Api;
import io.trackorder.support.Management;
import io.trackorder.support.Releases;

/**
 * Every response the service writes carries {@code X-Content-Type-Options: nosniff} and
 * {@code Cache-Control: no-store}: answers of endpoints, of the error mappers, of the Vert.x-level
 * handlers (unknown routes, bodies over the limit) and of the management interface (health, metrics).
 */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        Api.Caller caller = Api.newCaller();
        Releases.Member member = Releases.newMember();
        String collection = caller.newCollection();
        Map<String, Response> responses = new LinkedHashMap<>();
        responses.put("200", caller.request().get(caller.path("/collections")));
        responses.put("201", caller.request().body(Map.of("name", "c")).post(caller.path("/collections")));
        responses.put("200 Releases API", member.request().get("/releases"));
        responses.put("400 malformed JSON", caller.request().body("{\"name\": ").post(caller.path("/collections")));
        responses.put("401 Collections API", given().get(caller.path("/collections")));
        responses.put("401 Releases API", given().get("/releases"));
        responses.put("401 admin", given().delete("/admin/api-keys/akid_0000000000000000"));
        responses.put("403", caller.request().get("/v1/music/org_someone_else/collections"));
        responses.put("404 unknown route", given().get("/nothing/here"));
        responses.put("404 unknown id", caller.request().get(caller.path("/collections/mcoll_0000000000000000")));
        responses.put("405", caller.request().put(caller.path("/collections/" + collection)));
        responses.put("413", caller.request().body("{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}")
                .post(caller.path("/collections")));
        responses.put("415", caller.request().contentType(ContentType.TEXT).body("x").post(caller.path("/collections")));
        responses.put("500 Collections API", caller.request().get(caller.path("/test-failure")));
        responses.put("500 Releases API", member.request().get("/releases/test-failure"));
        responses.put("404 health on the public port", given().get("/q/health/ready"));
        responses.put("management: health live", Management.request().get("/q/health/live"));
        responses.put("management: health ready", Management.request().get("/q/health/ready"));
        responses.put("management: metrics", Management.request().get("/q/metrics"));
        responses.put("management: 404", Management.request().get("/nothing/here"));
        responses.put("openapi", given().get("/q/openapi"));
        responses.put("swagger-ui", given().get("/q/swagger-ui/"));

        List<String> missing = new ArrayList<>();
        responses.forEach((kind, response) -> {
            if (!"nosniff".equals(response.header("X-Content-Type-Options"))
                    || !"no-store".equals(response.header("Cache-Control"))
                    || response.header("X-Request-Id") == null) {
                missing.add(kind + " (" + response.statusCode() + "): " + response.headers());
            }
        });
        assertTrue(missing.isEmpty(), "responses without the security headers:\n" + String.join("\n", missing));
    }

    /**
     * Headers over {@code quarkus.http.limits.max-header-size} (20 KiB) and request lines over
     * {@code max-initial-line-length} (4 KiB) are refused by Vert.x' HTTP decoder before any route
     * runs: a bare 431 or 414 without our error format or headers, and never a server error.
     */
    @Test
    void credentialsOverTheHeaderLimitAreRefusedByTheHttpLayerWithoutA5xx() {
        // Just over 20 KiB: far over it, the server can close while the client still writes (broken pipe).
        String huge = "a".repeat(21_000);
        Api.Caller caller = Api.newCaller();
        assertEquals(431, given().header("X-API-Key", "ak_" + huge).get(caller.path("/collections")).statusCode());
        assertEquals(431, given().header("Authorization", "Bearer " + huge).get("/releases").statusCode());
        assertEquals(431, given().header("X-Admin-Token", huge).delete("/admin/api-keys/akid_0000000000000000").statusCode());
        assertEquals(414, caller.request().get(caller.path("/collections/" + "a".repeat(5_000))).statusCode());
    }
}
