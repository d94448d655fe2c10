package io.trackorder.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.trackorder.support.Api;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * Every endpoint that takes a body reads it as JSON in UTF-8, as written: a body declared in
 * another charset is 415, a field given twice is 400 naming it; either way in the surface's error
 * format, and nothing changes. UTF-8, under any spelling of its name, is read as it should be.
 */
@QuarkusTest
class JsonBodiesTest {

    /** One endpoint that takes a body, with a valid body whose first field is {@code field}. */
    private record BodyCall(String surface, String method, String path, String field, String body, int success) {

        boolean releases() {
            return "releases".equals(surface);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Api.Caller caller;
    private Releases.Member member;
    private String collection;
    private String release;
    private String submitted;
    private List<BodyCall> calls;

    @BeforeEach
    void data() {
        caller = Api.newCaller();
        member = Releases.newMember().adminOfWorkspace();
        collection = caller.newCollection();
        String first = caller.newTrack();
        String second = caller.newTrack();
        caller.add(collection, first);
        caller.add(collection, second);
        String spare = caller.newTrack();
        release = member.newRelease(2);
        List<String> releaseTracks = member.trackIds(release);
        submitted = member.newRelease(1);
        member.request().post("/releases/" + submitted + "/submit").then().statusCode(200);
        String c = caller.path("/collections/" + collection);
        String r = "/releases/" + release;
        calls = List.of(
                new BodyCall("collections", "POST", caller.path("/tracks"), "title", "{\"title\": \"é\"}", 201),
                new BodyCall("collections", "POST", caller.path("/collections"), "name", "{\"name\": \"é\"}", 201),
                new BodyCall("collections", "PATCH", c, "name", "{\"name\": \"é\"}", 200),
                new BodyCall("collections", "POST", c + "/tracks", "track_id", "{\"track_id\": \"" + spare + "\"}", 200),
                new BodyCall("collections", "PATCH", c + "/order", "ordered_track_ids",
                        "{\"ordered_track_ids\": [\"" + second + "\", \"" + first + "\"]}", 200),
                new BodyCall("admin", "POST", "/admin/api-keys", "name", "{\"name\": \"é\", \"organization_id\": \""
                        + caller.organizationId() + "\", \"user_id\": \"usr_second\"}", 201),
                new BodyCall("releases", "POST", "/releases", "title", "{\"title\": \"é\", \"displayArtist\": \"A\"}", 201),
                new BodyCall("releases", "PUT", r, "title", "{\"title\": \"é\"}", 200),
                new BodyCall("releases", "POST", r + "/tracks", "title", "{\"title\": \"é\"}", 201),
                new BodyCall("releases", "PUT", r + "/tracks/" + releaseTracks.get(0), "title", "{\"title\": \"é\"}", 200),
                new BodyCall("releases", "POST", r + "/tracks/reorder", "trackOrder",
                        "{\"trackOrder\": [\"" + releaseTracks.get(1) + "\", \"" + releaseTracks.get(0) + "\"]}", 200),
                new BodyCall("releases", "POST", "/releases/" + submitted + "/review", "action",
                        "{\"action\": \"approve\"}", 200),
                new BodyCall("collections", "POST", c + "/order/moves", "track_ids",
                        "{\"track_ids\": [\"" + second + "\"], \"before_track_id\": \"" + first + "\"}", 200),
                new BodyCall("collections", "POST", c + "/order/restore", "revision", "{\"revision\": 1}", 200));
    }

    @Test
    void aBodyInAnotherCharsetIs415AndChangesNothing() throws Exception {
        List<String> before = state();
        for (String charset : List.of("ISO-8859-1", "latin1", "windows-1252", "US-ASCII", "no-such-charset")) {
            Charset encoding = Charset.isSupported(charset) ? Charset.forName(charset) : StandardCharsets.ISO_8859_1;
            for (BodyCall call : calls) {
                Response response = send(call, "application/json; charset=" + charset, call.body().getBytes(encoding));
                assertError(call, response, 415, "UNSUPPORTED_MEDIA_TYPE").body(containsString("UTF-8"));
            }
        }
        assertEquals(before, state(), "nothing changed");
        // A request without a body is not refused for what its Content-Type says.
        caller.request().contentType("application/json; charset=latin1").get(caller.path("/collections"))
                .then().statusCode(200);
    }

    @Test
    void utf8UnderAnyOfItsNamesIsRead() {
        for (String contentType : List.of("application/json", "application/json; charset=utf-8",
                "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", "application/json; Charset=UTF8")) {
            for (BodyCall call : calls.subList(0, 2)) {
                send(call, contentType, call.body().getBytes(StandardCharsets.UTF_8)).then().statusCode(call.success())
                        .body(call.field(), equalTo("é"));
            }
            BodyCall releaseCreation = calls.get(6);
            send(releaseCreation, contentType, releaseCreation.body().getBytes(StandardCharsets.UTF_8))
                    .then().statusCode(201).body("data.title", equalTo("é"));
        }
    }

    @Test
    void aFieldGivenTwiceIs400NamingItAndChangesNothing() throws Exception {
        List<String> before = state();
        for (BodyCall call : calls) {
            // The first field once more, at the end, with the same value: still refused.
            String body = call.body();
            String twice = body.substring(0, body.length() - 1) + ", \"" + call.field() + "\": "
                    + JSON.readTree(body).get(call.field()) + "}";
            Response response = send(call, "application/json", twice.getBytes(StandardCharsets.UTF_8));
            assertError(call, response, 400, "INVALID_REQUEST").body(containsString(call.field()));
            if (call.releases()) {
                response.then().body("errors[0].field", equalTo(call.field()));
            } else {
                response.then().body("error.details.field", equalTo(call.field()));
            }
        }
        // Nested objects too.
        member.request().body("{\"title\": \"T\", \"displayArtist\": \"A\", \"metadata\": {\"upc\": \"1\", \"upc\": \"2\"}}")
                .post("/releases").then().statusCode(400).body("errors[0].field", equalTo("upc"));
        member.request()
                .body("{\"title\": \"T\", \"displayArtist\": \"A\", \"tracks\": [{\"title\": \"a\", \"title\": \"b\"}]}")
                .post("/releases").then().statusCode(400).body("errors[0].field", equalTo("title"));
        assertEquals(before, state(), "nothing changed");
    }

    private Response send(BodyCall call, String contentType, byte[] body) {
        return request(call).contentType(contentType).body(body).request(call.method(), call.path());
    }

    private RequestSpecification request(BodyCall call) {
        return switch (call.surface()) {
            case "releases" -> given().auth().oauth2(member.token());
            case "admin" -> given().header("X-Admin-Token", Api.ADMIN_TOKEN);
            default -> given().header("X-API-Key", caller.apiKey());
        };
    }

    private static ValidatableResponse assertError(BodyCall call, Response response, int status, String code) {
        ValidatableResponse then = response.then().statusCode(status);
        if (call.releases()) {
            return then.body("status", equalTo("error")).body("success", equalTo(null));
        }
        return then.body("success", equalTo(false)).body("error.code", equalTo(code)).body("error.status", equalTo(status));
    }

    /** What the callers see, and how many keys the organization has. */
    private List<String> state() throws Exception {
        List<String> views = new ArrayList<>();
        views.add(caller.request().get(caller.path("/collections")).asString());
        views.add(caller.request().get(caller.path("/collections/" + collection + "/tracks")).asString());
        views.add(caller.request().get(caller.path("/tracks")).asString());
        views.add(member.request().get("/releases?limit=100").asString());
        views.add(member.request().get("/releases/" + release).asString());
        views.add(member.request().get("/releases/" + submitted).asString());
        try (var db = TestDatabase.connect();
                var query = db.prepareStatement(
                        "SELECT count(*) FROM api_keys WHERE organization_id = ?")) {
            query.setString(1, caller.organizationId());
            try (var rows = query.executeQuery()) {
                rows.next();
                views.add("keys " + rows.getLong(1));
            }
        }
        return views;
    }
}
