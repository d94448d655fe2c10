package io.trackorder.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.trackorder.support.Management;
import io.trackorder.support.Releases;

/** With the database unreachable the service says so: 503, never a 500 with a driver message. */
@QuarkusTest
@TestProfile(DatabaseDownTest.UnreachableDatabase.class)
class DatabaseDownTest {

    public static class UnreachableDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/unreachable",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/unreachable",
                    "quarkus.flyway.migrate-at-start", "false",
                    "quarkus.hibernate-orm.schema-management.strategy", "none");
        }
    }

    @Test
    void readinessIsDown() {
        Management.request().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        Management.request().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void apiCallsAre503InTheEnvelope() {
        given().header("X-API-Key", "ak_" + "a".repeat(40))
                .get("/v1/music/org_a/collections")
                .then().statusCode(503)
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"))
                .body("error.type", equalTo("server_error"))
                .body("error.system_message", equalTo("The database is unavailable; retry later"))
                // Unlike a busy resource, an outage has no foreseeable end.
                .header("Retry-After", nullValue())
                .body(not(containsString("Connection refused")))
                .body(not(containsString("Exception")));
    }

    @Test
    void releaseCallsAre503InTheReleasesFormat() {
        Releases.newMember().request().get("/releases")
                .then().statusCode(503)
                .body("status", equalTo("error"))
                .body("message", equalTo("The database is unavailable; retry later"))
                .body("success", nullValue())
                .body(not(containsString("Connection refused")))
                .body(not(containsString("Exception")));
    }
}
