package io.trackorder.releases;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.trackorder.support.Releases;
import io.trackorder.support.SeedSchema;

/** Releases and their tracks, every field and every rule. */
@QuarkusTest
class ReleasesApiTest {

    private final Releases.Member member = Releases.newMember();

    @Test
    void createReturnsTheReleaseWithItsTracksNumberedInOrder() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Night Drive");
        body.put("displayArtist", "Bally Jhay");
        body.put("artists", Map.of("Bally Jhay", "primary"));
        body.put("format", "EP");
        body.put("type", "Audio");
        body.put("releaseDate", "2026-09-01");
        body.put("mainGenre", List.of("Pop", "Rock"));
        body.put("explicit", "clean");
        body.put("metadata", Map.of("upc", "123456789012"));
        body.put("status", "approved"); // set by the workflow only: ignored
        body.put("tracks", List.of(
                Map.of("title", "Intro", "isrc", "us-abc-26-00001", "duration", 213.5, "language", "en",
                        "artists", List.of(Map.of("artistName", "Bally Jhay", "type", "primary"),
                                Map.of("artistName", "Jane Smith", "type", "featuring")),
                        "contributors", Map.of("producer", List.of("Producer Name")), "metadata", Map.of("bpm", 120)),
                Map.of("title", "Outro", "iswc", "T-123.456.789-0", "displayArtist", "Someone Else")));
        ValidatableResponse created = member.request().body(body).post("/releases").then().statusCode(201)
                .body("success", equalTo(true))
                .body("message", equalTo("Release created successfully"))
                .body("data.title", equalTo("Night Drive"))
                .body("data.TenantUserId", equalTo(member.userId()))
                .body("data.status", equalTo("draft"))
                .body("data.format", equalTo("EP"))
                .body("data.releaseDate", equalTo("2026-09-01"))
                .body("data.mainGenre", equalTo(List.of("Pop", "Rock")))
                .body("data.subGenre", equalTo(List.of()))
                .body("data.metadata.upc", equalTo("123456789012"))
                .body("data.feedback", nullValue())
                .body("data.revision", equalTo(0))
                .body("data.artists[0].artistName", equalTo("Bally Jhay"))
                .body("data.artists[0].type", equalTo("primary"))
                .body("data.tracks.trackNumber", equalTo(List.of(1, 2)))
                .body("data.tracks.title", equalTo(List.of("Intro", "Outro")))
                .body("data.tracks[0].isrc", equalTo("USABC2600001"))
                .body("data.tracks[0].duration", equalTo(213.5f))
                .body("data.tracks[0].artists[1].type", equalTo("featuring"))
                .body("data.tracks[0].contributors.producer", equalTo(List.of("Producer Name")))
                .body("data.tracks[0].media", equalTo(List.of()))
                .body("data.tracks[0].displayArtist", equalTo("Bally Jhay"))
                .body("data.tracks[1].displayArtist", equalTo("Someone Else"))
                .body("data.tracks[1].iswc", equalTo("T-123456789-0"));
        SeedSchema.assertReleaseTracks(created.extract().path("data.tracks"));
        String releaseArtist = created.extract().path("data.artists[0].id");
        String trackArtist = created.extract().path("data.tracks[0].artists[0].id");
        String featured = created.extract().path("data.tracks[0].artists[1].id");
        assertEquals(releaseArtist, trackArtist, "one artist name, one id, in either input form");
        assertNotEquals(releaseArtist, featured);
        String again = member.colleague().request().body(Map.of("title", "T", "displayArtist", "A",
                "artists", Map.of("Bally Jhay", "featuring"))).post("/releases").then().statusCode(201)
                .extract().path("data.artists[0].id");
        assertEquals(releaseArtist, again, "stable across releases of the workspace");
        String elsewhere = Releases.newMember().request().body(Map.of("title", "T", "displayArtist", "A",
                "artists", Map.of("Bally Jhay", "primary"))).post("/releases").then().statusCode(201)
                .extract().path("data.artists[0].id");
        assertNotEquals(releaseArtist, elsewhere, "another workspace, another artist");
    }

    @Test
    void invalidReleasesAre400NamingTheField() {
        Map<String, Object> valid = Map.of("title", "T", "displayArtist", "A");
        assertInvalid(Map.of("displayArtist", "A"), "title");
        assertInvalid(Map.of("title", "T"), "displayArtist");
        assertInvalid(with(valid, "title", ""), "title");
        assertInvalid(with(valid, "title", "x".repeat(513)), "title");
        assertInvalid(with(valid, "title", 5), "title");
        assertInvalid(with(valid, "format", "LP"), "format");
        assertInvalid(with(valid, "type", "audio"), "type");
        assertInvalid(with(valid, "explicit", false), "explicit");
        assertInvalid(with(valid, "releaseDate", "01/09/2026"), "releaseDate");
        assertInvalid(with(valid, "mainGenre", "Pop"), "mainGenre");
        assertInvalid(with(valid, "metadata", List.of()), "metadata");
        assertInvalid(with(valid, "artists", Map.of("Someone", "producer")), "artists");
        assertInvalid(with(valid, "artists", List.of(Map.of("artistName", "", "type", "primary"))), "artists");
        assertInvalid(with(valid, "tracks", List.of(Map.of("title", "t", "isrc", "US-ABC-1-2345"))), "isrc");
        assertInvalid(with(valid, "tracks", List.of(Map.of("title", "t", "iswc", "123456789"))), "iswc");
        assertInvalid(with(valid, "tracks", List.of(Map.of("title", "t", "duration", -1))), "duration");
        assertInvalid(with(valid, "tracks", List.of(Map.of("title", "t", "language", "English!"))), "language");
        assertInvalid(with(valid, "tracks", List.of(Map.of("title", "t", "assetId", "asset-1"))), "assetId");
        assertInvalid(with(valid, "tracks", List.of(Map.of("title", "t", "contributors", List.of("x")))), "contributors");
        assertInvalid(with(valid, "tracks", List.of(Map.of("title", "t", "media", List.of(Map.of("type", "audio"))))), "media");
        assertInvalid(with(valid, "tracks", List.of(Map.of("version", "v"))), "title");
        member.request().get("/releases").then().body("data.pagination.total", equalTo(0));
    }

    @Test
    void malformedJsonAndTheWrongMediaTypeAreReleasesErrors() {
        member.request().body("{\"title\": ").post("/releases")
                .then().statusCode(400).body("status", equalTo("error")).body("success", nullValue());
        member.request().contentType(ContentType.TEXT).body("title").post("/releases")
                .then().statusCode(415).body("status", equalTo("error"));
        member.request().get("/releases/" + UUID.randomUUID() + "/nothing-here")
                .then().statusCode(404).body("status", equalTo("error"));
        member.request().get("/releases/not-a-uuid").then().statusCode(404).body("message", equalTo("Release not found"));
    }

    @Test
    void listFiltersSearchesAndPagesNewestFirst() {
        List<String> ids = new ArrayList<>();
        ids.add(create(Map.of("title", "Summer Nights", "displayArtist", "Aya", "format", "Single", "type", "Audio")));
        ids.add(create(Map.of("title", "Winter", "displayArtist", "The Night Owls", "format", "Album", "type", "Video")));
        ids.add(create(Map.of("title", "Spring", "displayArtist", "Bo", "format", "Album", "type", "Audio",
                "description", "Recorded at NIGHT")));
        ids.add(create(Map.of("title", "100%_real", "displayArtist", "Bo")));
        List<String> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);
        member.request().get("/releases").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.releases.id", equalTo(newestFirst))
                .body("data.releases[0].tracks", nullValue())
                .body("data.pagination.page", equalTo(1))
                .body("data.pagination.limit", equalTo(20))
                .body("data.pagination.total", equalTo(4))
                .body("data.pagination.totalPages", equalTo(1));
        member.request().get("/releases?page=2&limit=3").then().statusCode(200)
                .body("data.releases.id", equalTo(List.of(ids.get(0))))
                .body("data.pagination.totalPages", equalTo(2));
        member.request().get("/releases?search=night").then().body("data.releases.id",
                equalTo(List.of(ids.get(2), ids.get(1), ids.get(0))));
        member.request().queryParam("search", "%_").get("/releases").then().body("data.releases.id",
                equalTo(List.of(ids.get(3))));
        member.request().get("/releases?format=Album&type=Audio").then().body("data.releases.id", equalTo(List.of(ids.get(2))));
        member.request().get("/releases?status=submitted").then().body("data.pagination.total", equalTo(0));
        for (String bad : List.of("page=0", "page=x", "limit=0", "limit=101", "status=gone",
                "format=LP", "type=3D")) {
            member.request().get("/releases?" + bad).then().statusCode(400).body("status", equalTo("error"));
        }
        // Only ASCII digits are numbers: not a plus sign, not the digits of other scripts.
        for (String bad : List.of("+2", "\u0661", "\uff12")) {
            member.request().queryParam("page", bad).get("/releases").then().statusCode(400).body("status", equalTo("error"));
            member.request().queryParam("limit", bad).get("/releases").then().statusCode(400).body("status", equalTo("error"));
        }
    }

    @Test
    void updateIsPartialAndNullClears() {
        String release = create(Map.of("title", "T", "displayArtist", "A", "label", "L", "description", "D"));
        Map<String, Object> body = new HashMap<>();
        body.put("title", "New title");
        body.put("label", null);
        body.put("subGenre", List.of("Alternative"));
        member.request().body(body).put("/releases/" + release).then().statusCode(200)
                .body("message", equalTo("Release updated successfully"))
                .body("data.title", equalTo("New title"))
                .body("data.label", nullValue())
                .body("data.description", equalTo("D"))
                .body("data.subGenre", equalTo(List.of("Alternative")))
                .body("data.revision", equalTo(0));
        Map<String, Object> clearTitle = new HashMap<>();
        clearTitle.put("title", null);
        member.request().body(clearTitle).put("/releases/" + release).then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        member.request().body(Map.of("tracks", List.of())).put("/releases/" + release).then().statusCode(400);
        member.request().get("/releases/" + release).then().body("data.title", equalTo("New title"));
    }

    @Test
    void deleteRemovesTheReleaseAndItsTracks() {
        String release = member.newRelease(2);
        member.request().delete("/releases/" + release).then().statusCode(200)
                .body("success", equalTo(true)).body("message", equalTo("Release deleted successfully"))
                .body("data", nullValue());
        member.request().get("/releases/" + release).then().statusCode(404);
        member.request().delete("/releases/" + release).then().statusCode(404);
    }

    @Test
    void tracksAreAddedAtTheEndUpdatedAndRemovedWithRenumbering() {
        String release = member.newRelease(3);
        List<String> tracks = member.trackIds(release);
        ValidatableResponse added = member.request().body(Map.of("title", "Bonus", "isrc", "GBXYZ2600042", "trackNumber", 1))
                .post("/releases/" + release + "/tracks").then().statusCode(201)
                .body("message", equalTo("Track added successfully"))
                .body("data.trackNumber", equalTo(4))
                .body("data.ReleaseId", equalTo(release))
                .body("data.displayArtist", equalTo("Artist"));
        SeedSchema.assertReleaseTrack(added.extract().path("data"));
        String bonus = added.extract().path("data.id");

        Map<String, Object> edit = new HashMap<>();
        edit.put("lyrics", "Verse 1\nChorus");
        edit.put("version", null);
        edit.put("explicit", "explicit");
        ValidatableResponse updated = member.request().body(edit).put("/releases/" + release + "/tracks/" + tracks.get(0))
                .then().statusCode(200)
                .body("message", equalTo("Track updated successfully"))
                .body("data.lyrics", equalTo("Verse 1\nChorus"))
                .body("data.explicit", equalTo("explicit"))
                .body("data.title", equalTo("1"))
                .body("data.trackNumber", equalTo(1));
        SeedSchema.assertReleaseTrack(updated.extract().path("data"));
        member.request().body(Map.of("isrc", "nope")).put("/releases/" + release + "/tracks/" + tracks.get(0))
                .then().statusCode(400).body("errors[0].field", equalTo("isrc"));

        member.request().delete("/releases/" + release + "/tracks/" + tracks.get(1)).then().statusCode(200)
                .body("message", equalTo("Track removed successfully"));
        ValidatableResponse listed = member.request().get("/releases/" + release + "/tracks").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.id", equalTo(List.of(tracks.get(0), tracks.get(2), bonus)))
                .body("data.trackNumber", equalTo(List.of(1, 2, 3)));
        SeedSchema.assertReleaseTracks(listed.extract().path("data"));
        member.request().get("/releases/" + release).then().body("data.revision", equalTo(2));

        member.request().delete("/releases/" + release + "/tracks/" + tracks.get(1)).then().statusCode(404)
                .body("status", equalTo("error"));
        String otherRelease = member.newRelease(1);
        String foreign = member.trackIds(otherRelease).get(0);
        member.request().body(Map.of("title", "x")).put("/releases/" + release + "/tracks/" + foreign).then().statusCode(404);
        member.request().delete("/releases/" + release + "/tracks/" + foreign).then().statusCode(404);
        member.request().get("/releases/" + otherRelease + "/tracks").then().body("data.title", equalTo(List.of("1")));
    }

    @Test
    void aReleaseHoldsAtMostOneThousandTracks() {
        String release = member.newRelease(1000);
        member.request().body(Map.of("title", "one too many")).post("/releases/" + release + "/tracks")
                .then().statusCode(400).body("status", equalTo("error"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(Map.of("title", "t"));
        }
        member.request().body(Map.of("title", "T", "displayArtist", "A", "tracks", tooMany)).post("/releases")
                .then().statusCode(400).body("errors.field", hasItem("tracks"));
        member.request().get("/releases/" + release + "/tracks").then().body("data.size()", equalTo(1000));
    }

    private String create(Map<String, Object> body) {
        return member.request().body(body).post("/releases").then().statusCode(201).body("data.id", not(nullValue()))
                .extract().path("data.id");
    }

    private void assertInvalid(Map<String, Object> body, String field) {
        member.request().body(body).post("/releases").then().statusCode(400)
                .body("status", equalTo("error"))
                .body("message", not(nullValue()))
                .body("errors[0].field", equalTo(field));
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> body = new HashMap<>(base);
        body.put(field, value);
        return body;
    }
}
