package io.trackorder.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.trackorder.apikeys.Caller;
import io.trackorder.support.Api;
import io.trackorder.support.ForgedTokens;
import io.trackorder.support.LogCapture;
import io.trackorder.support.Releases;

/** API keys, the admin token and bearer tokens never reach the log, whether authentication succeeds or fails. */
@QuarkusTest
class SecretsInLogsTest {

    /** Ours and the ones that handle credentials, at DEBUG, so that an operator debugging a login leaks nothing either. */
    private static final String[] CATEGORIES = { "io.trackorder", "io.quarkus.smallrye.jwt", "io.smallrye.jwt",
            "io.quarkus.security", "io.quarkus.vertx.http.runtime.security" };

    @Test
    void noKeyOrTokenAppearsInTheLogAtAnyLevel() throws Exception {
        List<String> secrets = new ArrayList<>(List.of(Api.ADMIN_TOKEN));
        List<LogCapture.Entry> entries;
        try (LogCapture log = LogCapture.start(CATEGORIES)) {
            Api.Caller caller = Api.newCaller();
            secrets.add(caller.apiKey());
            caller.request().get(caller.path("/collections")).then().statusCode(200);
            caller.request().get("/v1/music/org_someone_else/collections").then().statusCode(403);
            caller.request().get(caller.path("/test-failure")).then().statusCode(500);
            String unknownKey = "ak_" + UUID.randomUUID().toString().replace("-", "") + "00000000";
            secrets.add(unknownKey);
            given().header("X-API-Key", unknownKey).get(caller.path("/collections")).then().statusCode(401);
            String wrongAdminToken = "wrong-" + UUID.randomUUID();
            secrets.add(wrongAdminToken);
            given().header("X-Admin-Token", wrongAdminToken).delete("/admin/api-keys/akid_0000000000000000")
                    .then().statusCode(401);
            String keyId = Api.admin().body(Map.of("organization_id", caller.organizationId(), "user_id", "usr_2", "name", "n"))
                    .post("/admin/api-keys").then().statusCode(201).extract().path("id");
            Api.admin().delete("/admin/api-keys/" + keyId).then().statusCode(200);

            Releases.Member member = Releases.newMember();
            String token = member.token();
            secrets.add(token);
            given().auth().oauth2(token).get("/releases").then().statusCode(200);
            given().auth().oauth2(token).get("/releases/test-failure").then().statusCode(500);
            for (String forged : new ForgedTokens(member.userId(), member.workspace()).all().values()) {
                secrets.add(forged);
                given().auth().oauth2(forged).get("/releases").then().statusCode(401);
            }
            entries = log.entries();
        }

        assertTrue(entries.stream().anyMatch(entry -> entry.level().intValue() >= Level.SEVERE.intValue()
                && entry.message().contains("Unexpected failure") && entry.stackTrace() != null),
                "the capture sees the application's log: " + entries);
        List<String> leaks = new ArrayList<>();
        for (LogCapture.Entry entry : entries) {
            for (String secret : secrets) {
                for (String part : secretParts(secret)) {
                    if (entry.text().contains(part)) {
                        leaks.add(entry.text());
                    }
                }
            }
        }
        assertTrue(leaks.isEmpty(), "log records with a key or token:\n" + String.join("\n", leaks));
    }

    /** The secret itself and, for a JWT, its signature: either is enough to replay or recognise it. */
    private static List<String> secretParts(String secret) {
        List<String> parts = new ArrayList<>(List.of(secret));
        String[] segments = secret.split("\\.");
        if (segments.length == 3 && segments[2].length() > 16) {
            parts.add(segments[2]);
        }
        return parts;
    }
}
