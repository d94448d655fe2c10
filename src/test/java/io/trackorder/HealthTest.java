package io.trackorder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.support.Management;

/**
 * Health and metrics are served on the management interface only; the public port treats their
 * paths as unknown routes. The API document stays on the public port, for the API's clients.
 */
@QuarkusTest
class HealthTest {

    private static final List<String> OPERATOR_PATHS = List.of("/q/health", "/q/health/", "/q/health/live",
            "/q/health/ready", "/q/health/started", "/q/health/group", "/q/metrics", "/q/metrics/");

    @Test
    void readyWhenTheDatabaseAnswers() {
        Management.request().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/health/started")) {
            Management.request().get(path).then().statusCode(200).body("status", equalTo("UP"));
        }
        Management.request().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void thePublicPortAnswersHealthAndMetricsPathsAsUnknownRoutes() {
        for (String path : OPERATOR_PATHS) {
            for (String method : List.of("GET", "HEAD", "POST")) {
                var response = given().request(method, path).then().statusCode(404)
                        .header("X-Request-Id", notNullValue());
                if (!"HEAD".equals(method)) {
                    response.body("success", equalTo(false)).body("error.code", equalTo("RESOURCE_NOT_FOUND"));
                }
            }
        }
    }

    @Test
    void theApiDocumentStaysOnThePublicPortOnly() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200).body("openapi", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
        Management.request().get("/q/openapi").then().statusCode(404);
        Management.request().get("/q/swagger-ui/").then().statusCode(404);
    }
}
