package io.trackorder.apikeys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With no admin token configured, no token opens /admin, not even an empty one. */
@QuarkusTest
@TestProfile(AdminTokenUnsetTest.NoAdminToken.class)
class AdminTokenUnsetTest {

    public static class NoAdminToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("music.admin.token", "");
        }
    }

    @Test
    void everyAdminCallIs401() {
        for (String token : new String[] { null, "", "test-admin-token" }) {
            var issue = given().contentType(ContentType.JSON)
                    .body(Map.of("organization_id", "org_a", "user_id", "usr_a", "name", "n"));
            var revoke = given();
            if (token != null) {
                issue.header("X-Admin-Token", token);
                revoke.header("X-Admin-Token", token);
            }
            issue.post("/admin/api-keys").then().statusCode(401).body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
            revoke.delete("/admin/api-keys/akid_0000000000000000").then().statusCode(401);
        }
    }
}
