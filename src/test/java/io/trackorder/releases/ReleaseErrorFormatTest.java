package io.trackorder.releases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.trackorder.support.Releases;

/** Every Releases API error is {status: "error", message}, never the Collections envelope. */
@QuarkusTest
class ReleaseErrorFormatTest {

    private final Releases.Member member = Releases.newMember();

    @Test
    void aWrongMethodIs405() {
        assertReleasesError(member.request().patch("/releases"), 405);
    }

    @Test
    void aBodyOverOneMebibyteIs413AndWritesNothing() {
        String release = member.newRelease(1);
        String huge = "{\"title\": \"" + "x".repeat(1024 * 1024) + "\"}";
        assertReleasesError(member.request().body(huge).put("/releases/" + release), 413);
        member.request().get("/releases/" + release).then().body("data.title", equalTo("Release"));
    }

    @Test
    void theWrongMediaTypeIs415() {
        assertReleasesError(member.request().contentType(ContentType.TEXT).body("x").post("/releases"), 415);
    }

    @Test
    void anInternalFailureIs500WithoutInternals() {
        assertReleasesError(member.request().get("/releases/test-failure"), 500)
                .body("message", equalTo("An internal error occurred"))
                .body(not(containsString("SELECT")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void unknownRoutesAre404AndEveryResponseHasARequestId() {
        assertReleasesError(given().get("/releases/" + UUID.randomUUID() + "/no/such/thing"), 404);
        member.request().get("/releases").then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void validationErrorsNameTheField() {
        assertReleasesError(member.request().body(Map.of("displayArtist", "A")).post("/releases"), 400)
                .body("errors[0].field", equalTo("title"))
                .body("errors[0].message", equalTo("title is required"));
    }

    private static ValidatableResponse assertReleasesError(Response response, int status) {
        return response.then().statusCode(status)
                .contentType(ContentType.JSON)
                .header("X-Request-Id", matchesPattern("[A-Za-z0-9._-]+"))
                .body("status", equalTo("error"))
                .body("message", not(nullValue()))
                .body("success", nullValue())
                .body("error", nullValue());
    }
}
