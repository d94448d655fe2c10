package io.trackorder.releases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.trackorder.support.Releases;

/** The workflow: draft → submitted → approved | rejected, and what each status allows. */
@QuarkusTest
class ReleaseWorkflowTest {

    private final Releases.Member owner = Releases.newMember();
    private final Releases.Member admin = owner.adminOfWorkspace();

    @Test
    void theFullWorkflow() {
        String release = owner.newRelease(3);
        List<String> t = owner.trackIds(release);
        reorder(release, List.of(t.get(2))).statusCode(200);

        owner.request().post("/releases/" + release + "/submit").then().statusCode(200)
                .body("message", equalTo("Release submitted for review successfully"))
                .body("data.status", equalTo("submitted"))
                .body("data.submittedAt", notNullValue())
                .body("data.tracks.size()", equalTo(3));
        reorder(release, List.of(t.get(0))).statusCode(400).body("status", equalTo("error"));

        admin.request().body(Map.of("action", "reject", "feedback", "Cover art is missing"))
                .post("/releases/" + release + "/review").then().statusCode(200)
                .body("message", equalTo("Release rejected successfully"))
                .body("data.status", equalTo("rejected"))
                .body("data.feedback", equalTo("Cover art is missing"))
                .body("data.reviewedById", equalTo(admin.userId()))
                .body("data.reviewedAt", notNullValue());
        reorder(release, List.of(t.get(0))).statusCode(200)
                .body("data.id", equalTo(List.of(t.get(0), t.get(2), t.get(1))));

        owner.request().post("/releases/" + release + "/submit").then().statusCode(200)
                .body("data.status", equalTo("submitted"));
        admin.request().body(Map.of("action", "approve")).post("/releases/" + release + "/review").then().statusCode(200)
                .body("message", equalTo("Release approved successfully"))
                .body("data.status", equalTo("approved"))
                .body("data.feedback", nullValue());
        reorder(release, List.of(t.get(1))).statusCode(400);
        owner.request().get("/releases/" + release).then()
                .body("data.tracks.id", equalTo(List.of(t.get(0), t.get(2), t.get(1))))
                .body("data.revision", equalTo(2));
    }

    @Test
    void onlyDraftOrRejectedReleasesCanBeChanged() {
        String release = owner.newRelease(2);
        List<String> t = owner.trackIds(release);
        owner.request().post("/releases/" + release + "/submit").then().statusCode(200);
        String path = "/releases/" + release;
        owner.request().body(Map.of("title", "x")).put(path).then().statusCode(400).body("status", equalTo("error"));
        owner.request().delete(path).then().statusCode(400);
        owner.request().body(Map.of("title", "x")).post(path + "/tracks").then().statusCode(400);
        owner.request().body(Map.of("title", "x")).put(path + "/tracks/" + t.get(0)).then().statusCode(400);
        owner.request().delete(path + "/tracks/" + t.get(0)).then().statusCode(400);
        owner.request().post(path + "/submit").then().statusCode(400);
        owner.request().get(path).then().body("data.title", equalTo("Release"))
                .body("data.tracks.id", equalTo(t)).body("data.status", equalTo("submitted"));
    }

    @Test
    void aReleaseWithoutTracksCannotBeSubmitted() {
        String release = owner.newRelease(0);
        owner.request().post("/releases/" + release + "/submit").then().statusCode(400)
                .body("message", equalTo("A release needs at least one track to be submitted"));
    }

    @Test
    void reviewNeedsASubmittedReleaseAValidActionAndFeedbackToReject() {
        String release = owner.newRelease(1);
        String review = "/releases/" + release + "/review";
        admin.request().body(Map.of("action", "approve")).post(review).then().statusCode(400);
        owner.request().post("/releases/" + release + "/submit").then().statusCode(200);
        admin.request().body(Map.of("action", "reject")).post(review).then().statusCode(400)
                .body("errors[0].field", equalTo("feedback"));
        admin.request().body(Map.of("action", "reject", "feedback", "  ")).post(review).then().statusCode(400);
        admin.request().body(Map.of("action", "publish")).post(review).then().statusCode(400)
                .body("errors[0].field", equalTo("action"));
        admin.request().body(Map.of()).post(review).then().statusCode(400);
        admin.request().body(Map.of("action", 1)).post(review).then().statusCode(400).body("status", equalTo("error"));
        owner.request().get("/releases/" + release).then().body("data.status", equalTo("submitted"));
    }

    @Test
    void submittingNeedsNoBodyAndNoContentType() {
        String release = owner.newRelease(1);
        given().auth().oauth2(owner.token()).post("/releases/" + release + "/submit").then().statusCode(200)
                .body("data.status", equalTo("submitted"));
    }

    private ValidatableResponse reorder(String release, List<String> order) {
        return owner.request().body(Map.of("trackOrder", order)).post("/releases/" + release + "/tracks/reorder").then();
    }
}
