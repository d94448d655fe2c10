package io.trackorder.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;

/** Callers of the Releases API for tests: tokens signed with the test key, new workspaces per test. */
public final class Releases {

    public static final String ISSUER = "https://test.trackorder.local";

    private Releases() {
    }

    /** A new user of a new workspace. */
    public static Member newMember() {
        return new Member(Api.uniqueId("ws_"), Api.uniqueId("usr_"), false);
    }

    public record Member(String workspace, String userId, boolean admin) {

        /** An admin of the same workspace. */
        public Member adminOfWorkspace() {
            return new Member(workspace, Api.uniqueId("adm_"), true);
        }

        /** Another (non-admin) user of the same workspace. */
        public Member colleague() {
            return new Member(workspace, Api.uniqueId("usr_"), false);
        }

        public String token() {
            return Jwt.issuer(ISSUER).subject(userId).claim("activeWorkspace", workspace)
                    .groups(admin ? Set.of("admin") : Set.of()).expiresIn(3600).sign();
        }

        public RequestSpecification request() {
            return given().auth().oauth2(token()).contentType(ContentType.JSON);
        }

        /** A new draft release with tracks titled "1" … "n"; returns its id. */
        public String newRelease(int tracks) {
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (int i = 1; i <= tracks; i++) {
                bodies.add(Map.of("title", String.valueOf(i)));
            }
            return request().body(Map.of("title", "Release", "displayArtist", "Artist", "tracks", bodies))
                    .post("/releases").then().statusCode(201).extract().path("data.id");
        }

        /** The release's track ids by trackNumber, as the API lists them. */
        public List<String> trackIds(String releaseId) {
            return request().get("/releases/" + releaseId + "/tracks").then().statusCode(200).extract().path("data.id");
        }
    }
}
