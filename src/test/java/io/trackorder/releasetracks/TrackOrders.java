package io.trackorder.releasetracks;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.trackorder.support.Releases;

/**
 * One member's calls of a release's track order endpoints (move, history, restore), and the state
 * they leave behind, for the tests of those endpoints.
 */
final class TrackOrders {

    private final Releases.Member member;

    TrackOrders(Releases.Member member) {
        this.member = member;
    }

    /** A move with the given body: a map, or JSON text sent as it is. */
    ValidatableResponse move(String release, Object body) {
        return move(member.request(), release, body);
    }

    ValidatableResponse move(RequestSpecification request, String release, Object body) {
        return request.body(body).post(path(release, "/move")).then();
    }

    ValidatableResponse restore(String release, Object revision) {
        return restore(member.request(), release, revision);
    }

    ValidatableResponse restore(RequestSpecification request, String release, Object revision) {
        return request.body(Map.of("revision", revision)).post(path(release, "/restore")).then();
    }

    /** The history page for a query string such as {@code "?page=2&limit=5"} (or ""). */
    ValidatableResponse history(String release, String query) {
        return member.request().get(path(release, "/history" + query)).then();
    }

    ValidatableResponse entry(String release, Object revision) {
        return member.request().get(path(release, "/history/" + revision)).then();
    }

    /** The order recorded at a revision, which must exist. */
    List<String> recorded(String release, long revision) {
        return entry(release, revision).statusCode(200).body("data.revision", equalTo((int) revision))
                .extract().path("data.trackIds");
    }

    /** What a change of the order could alter: the order, the release's revision and tag, the history. */
    record State(List<String> tracks, int revision, String tag, int historyEntries) {
    }

    State state(String release) {
        var tracks = member.request().get(path(release, "")).then().statusCode(200).extract();
        int revision = member.request().get("/releases/" + release).then().statusCode(200).extract()
                .path("data.revision");
        int entries = history(release, "").statusCode(200).extract().path("data.pagination.total");
        return new State(tracks.path("data.id"), revision, tracks.header("ETag"), entries);
    }

    /** Runs a refused change and checks that it left the release as it was. */
    void assertWritesNothing(String release, Runnable refused) {
        State before = state(release);
        refused.run();
        assertEquals(before, state(release));
    }

    Releases.Member member() {
        return member;
    }

    /** Submits the release for review, as its owner. */
    void submit(String release) {
        member.request().post("/releases/" + release + "/submit").then().statusCode(200);
    }

    /** Reviews the submitted release as a workspace admin: {@code approve} or {@code reject}. */
    void review(String release, String action) {
        Map<String, String> body = action.equals("reject") ? Map.of("action", action, "feedback", "Cover art is missing")
                : Map.of("action", action);
        member.adminOfWorkspace().request().body(body).post("/releases/" + release + "/review").then().statusCode(200)
                .body("data.status", equalTo(action.equals("approve") ? "approved" : "rejected"));
    }

    static String path(String release, String rest) {
        return "/releases/" + release + "/tracks" + rest;
    }
}
