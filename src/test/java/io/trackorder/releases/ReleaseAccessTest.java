package io.trackorder.releases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.trackorder.support.Api;
import io.trackorder.support.ForgedTokens;
import io.trackorder.support.Releases;

/** Tokens and tenants: who gets in with which token, and what each member can see. */
@QuarkusTest
class ReleaseAccessTest {

    static String[] rejectedTokens() throws Exception {
        return new ForgedTokens("usr_x", Api.uniqueId("ws_")).all().values().toArray(String[]::new);
    }

    @ParameterizedTest
    @MethodSource("rejectedTokens")
    void badTokensAre401(String token) {
        given().auth().oauth2(token).get("/releases")
                .then().statusCode(401)
                .contentType(ContentType.JSON)
                .body("status", equalTo("error"))
                .body("message", not(nullValue()))
                .body("success", nullValue());
    }

    @Test
    void noTokenIs401AndAnApiKeyIsNoSubstitute() {
        given().get("/releases").then().statusCode(401).body("status", equalTo("error"));
        Api.Caller caller = Api.newCaller();
        given().header("X-API-Key", caller.apiKey()).get("/releases").then().statusCode(401);
    }

    @Test
    void theCollectionsApiIgnoresBearerTokens() {
        Api.Caller caller = Api.newCaller();
        caller.request().header("Authorization", "Bearer not-a-jwt").get(caller.path("/collections"))
                .then().statusCode(200);
    }

    @Test
    void royaltiTokensNameTheUserIdAndAnAdminByRole() {
        String workspace = Api.uniqueId("ws_");
        String owner = Jwt.issuer(Releases.ISSUER).claim("id", "usr_royalti").claim("activeWorkspace", workspace)
                .expiresIn(3600).sign();
        String release = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(Map.of("title", "T", "displayArtist", "A")).post("/releases")
                .then().statusCode(201).body("data.TenantUserId", equalTo("usr_royalti"))
                .extract().path("data.id");
        String admin = Jwt.issuer(Releases.ISSUER).claim("id", "usr_boss").claim("role", "admin")
                .claim("activeWorkspace", workspace).expiresIn(3600).sign();
        given().auth().oauth2(admin).get("/releases/" + release).then().statusCode(200);
    }

    /** A user or workspace claim no id can hold (a NUL, another control character) names nobody: 401, nothing created. */
    @Test
    void claimsWithControlCharactersAre401() {
        String workspace = Api.uniqueId("ws_");
        List<String> tokens = List.of(
                Jwt.issuer(Releases.ISSUER).subject("usr_a\u0000").claim("activeWorkspace", workspace).expiresIn(3600).sign(),
                Jwt.issuer(Releases.ISSUER).subject("\u0000").claim("activeWorkspace", workspace).expiresIn(3600).sign(),
                Jwt.issuer(Releases.ISSUER).subject("usr_a\nadmin").claim("activeWorkspace", workspace).expiresIn(3600).sign(),
                Jwt.issuer(Releases.ISSUER).claim("id", "usr_a\u0000").claim("activeWorkspace", workspace).expiresIn(3600)
                        .sign(),
                Jwt.issuer(Releases.ISSUER).subject("usr_a").claim("activeWorkspace", workspace + "\u0000").expiresIn(3600)
                        .sign(),
                Jwt.issuer(Releases.ISSUER).subject("usr_a").claim("activeWorkspace", "\u0000").expiresIn(3600).sign());
        for (String token : tokens) {
            given().auth().oauth2(token).get("/releases").then().statusCode(401)
                    .body("status", equalTo("error")).body("success", nullValue());
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("title", "T", "displayArtist", "A"))
                    .post("/releases").then().statusCode(401).body("status", equalTo("error"));
        }
        String clean = Jwt.issuer(Releases.ISSUER).subject("usr_a").claim("activeWorkspace", workspace).expiresIn(3600).sign();
        given().auth().oauth2(clean).get("/releases").then().statusCode(200).body("data.pagination.total", equalTo(0));
    }

    /** {@code sub}, when the token has one, names the user: empty or blank is no user, and {@code id} does not stand in. */
    @Test
    void anEmptyOrBlankSubIsNoUserEvenWithAnId() {
        String workspace = Api.uniqueId("ws_");
        for (String sub : List.of("", " ", "   ")) {
            String token = Jwt.issuer(Releases.ISSUER).claim("sub", sub).claim("id", "usr_royalti")
                    .claim("activeWorkspace", workspace).expiresIn(3600).sign();
            assertEquals(sub, payload(token).path("sub").textValue(), "the token carries the sub as given");
            given().auth().oauth2(token).get("/releases").then().statusCode(401).body("status", equalTo("error"));
        }
    }

    /** Only a {@code groups} array holding "admin" makes an admin; a plain string is not an array of groups. */
    @Test
    void onlyAGroupsArrayHoldingAdminMakesAnAdmin() {
        Releases.Member owner = Releases.newMember();
        String release = owner.newRelease(1);
        owner.request().post("/releases/" + release + "/submit").then().statusCode(200);
        for (Object groups : List.<Object> of("admin", "admin user", "user admin", List.of("user"), List.of("administrator"))) {
            String token = Jwt.issuer(Releases.ISSUER).subject(Api.uniqueId("usr_")).claim("activeWorkspace", owner.workspace())
                    .claim("groups", groups).expiresIn(3600).sign();
            assertEquals(groups instanceof String, payload(token).path("groups").isTextual(), "groups as given: " + groups);
            given().auth().oauth2(token).get("/releases/" + release).then().statusCode(404);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("action", "approve"))
                    .post("/releases/" + release + "/review").then().statusCode(403);
        }
        owner.request().get("/releases/" + release).then().body("data.status", equalTo("submitted"));
        String admin = Jwt.issuer(Releases.ISSUER).subject(Api.uniqueId("adm_")).claim("activeWorkspace", owner.workspace())
                .claim("groups", List.of("user", "admin")).expiresIn(3600).sign();
        given().auth().oauth2(admin).get("/releases/" + release).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("action", "approve"))
                .post("/releases/" + release + "/review").then().statusCode(200).body("data.status", equalTo("approved"));
    }

    private static JsonNode payload(String token) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void eachWorkspaceHasItsOwnStableTenantId() {
        Releases.Member member = Releases.newMember();
        int first = member.request().body(Map.of("title", "T", "displayArtist", "A")).post("/releases")
                .then().statusCode(201).extract().path("data.TenantId");
        int again = member.colleague().request().body(Map.of("title", "T", "displayArtist", "A")).post("/releases")
                .then().statusCode(201).extract().path("data.TenantId");
        int other = Releases.newMember().request().body(Map.of("title", "T", "displayArtist", "A")).post("/releases")
                .then().statusCode(201).extract().path("data.TenantId");
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void onlyTheOwnerAndTheWorkspaceAdminsSeeARelease() {
        Releases.Member owner = Releases.newMember();
        String release = owner.newRelease(2);
        String track = owner.trackIds(release).get(0);
        Releases.Member colleague = owner.colleague();
        Releases.Member stranger = Releases.newMember().adminOfWorkspace();
        for (Releases.Member outsider : new Releases.Member[] { colleague, stranger }) {
            outsider.request().get("/releases/" + release).then().statusCode(404).body("status", equalTo("error"));
            outsider.request().get("/releases/" + release + "/tracks").then().statusCode(404);
            outsider.request().body(Map.of("title", "x")).put("/releases/" + release).then().statusCode(404);
            outsider.request().body(Map.of("trackOrder", new String[] { track }))
                    .post("/releases/" + release + "/tracks/reorder")
                    .then().statusCode(404);
            outsider.request().delete("/releases/" + release + "/tracks/" + track).then().statusCode(404);
            outsider.request().delete("/releases/" + release).then().statusCode(404);
            outsider.request().get("/releases").then().statusCode(200).body("data.pagination.total", equalTo(0));
        }
        Releases.Member admin = owner.adminOfWorkspace();
        admin.request().get("/releases/" + release).then().statusCode(200).body("data.tracks.size()", equalTo(2));
        admin.request().get("/releases").then().statusCode(200).body("data.releases.id", equalTo(List.of(release)));
        owner.request().get("/releases/" + release).then().statusCode(200);
    }

    @Test
    void onlyAdminsReview() {
        Releases.Member owner = Releases.newMember();
        String release = owner.newRelease(1);
        owner.request().post("/releases/" + release + "/submit").then().statusCode(200);
        owner.request().body(Map.of("action", "approve")).post("/releases/" + release + "/review")
                .then().statusCode(403).body("status", equalTo("error"));
        Releases.Member otherAdmin = Releases.newMember().adminOfWorkspace();
        otherAdmin.request().body(Map.of("action", "approve")).post("/releases/" + release + "/review")
                .then().statusCode(404);
        owner.request().get("/releases/" + release).then().body("data.status", equalTo("submitted"));
    }
}
