package io.trackorder.releases;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.trackorder.support.Releases;

/** ETag, If-Match and If-None-Match on releases: the revision guards read-modify-write cycles. */
@QuarkusTest
class ConditionalReleaseRequestsTest {

    private final Releases.Member owner = Releases.newMember();
    private final Releases.Member admin = owner.adminOfWorkspace();

    @Test
    void everyResponseAboutAReleaseCarriesItsRevision() {
        Response created = owner.request().body(Map.of("title", "R", "displayArtist", "A",
                "tracks", List.of(Map.of("title", "1"), Map.of("title", "2")))).post("/releases");
        created.then().statusCode(201).header("ETag", "\"0\"");
        String release = created.path("data.id");
        String base = "/releases/" + release;
        List<String> tracks = owner.trackIds(release);

        owner.request().get(base).then().statusCode(200).header("ETag", "\"0\"");
        owner.request().get(base + "/tracks").then().statusCode(200).header("ETag", "\"0\"");
        Response added = owner.request().body(Map.of("title", "3")).post(base + "/tracks");
        added.then().statusCode(201).header("ETag", "\"1\"");
        owner.request().body(Map.of("trackOrder", List.of(tracks.get(1)))).post(base + "/tracks/reorder")
                .then().statusCode(200).header("ETag", "\"2\"");
        owner.request().body(Map.of("trackOrder", List.of(tracks.get(1)))).post(base + "/tracks/reorder")
                .then().statusCode(200).header("ETag", "\"2\"");
        owner.request().body(Map.of("title", "renamed")).put(base + "/tracks/" + tracks.get(0))
                .then().statusCode(200).header("ETag", "\"2\"");
        owner.request().body(Map.of("title", "R2")).put(base)
                .then().statusCode(200).header("ETag", "\"2\"").body("data.revision", equalTo(2));
        owner.request().delete(base + "/tracks/" + added.path("data.id"))
                .then().statusCode(200).header("ETag", "\"3\"");
        owner.request().post(base + "/submit").then().statusCode(200).header("ETag", "\"3\"");
        admin.request().body(Map.of("action", "reject", "feedback", "no")).post(base + "/review")
                .then().statusCode(200).header("ETag", "\"3\"");
        owner.request().delete(base).then().statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void aStaleIfMatchIs412InTheReleasesFormatAndWritesNothing() {
        String release = owner.newRelease(3);
        String base = "/releases/" + release;
        List<String> tracks = owner.trackIds(release);
        owner.request().body(Map.of("trackOrder", List.of(tracks.get(2)))).post(base + "/tracks/reorder")
                .then().statusCode(200).header("ETag", "\"1\"");
        String stale = "\"0\"";

        Map<String, Function<String, Response>> mutations = new LinkedHashMap<>();
        mutations.put("reorder", etag -> owner.request().header("If-Match", etag)
                .body(Map.of("trackOrder", List.of(tracks.get(0)))).post(base + "/tracks/reorder"));
        mutations.put("add track", etag -> owner.request().header("If-Match", etag)
                .body(Map.of("title", "new")).post(base + "/tracks"));
        mutations.put("update track", etag -> owner.request().header("If-Match", etag)
                .body(Map.of("title", "changed")).put(base + "/tracks/" + tracks.get(1)));
        mutations.put("remove track", etag -> owner.request().header("If-Match", etag)
                .delete(base + "/tracks/" + tracks.get(1)));
        mutations.put("update", etag -> owner.request().header("If-Match", etag)
                .body(Map.of("title", "changed")).put(base));
        mutations.put("submit", etag -> owner.request().header("If-Match", etag).post(base + "/submit"));
        mutations.put("delete", etag -> owner.request().header("If-Match", etag).delete(base));

        String before = owner.request().get(base).asString();
        List<String> failures = new ArrayList<>();
        mutations.forEach((name, mutation) -> {
            for (String etag : List.of(stale, "W/\"1\"")) {
                Response response = mutation.apply(etag);
                if (response.statusCode() != 412 || !"error".equals(response.path("status"))
                        || response.path("success") != null) {
                    failures.add(name + " with If-Match " + etag + ": " + response.statusCode() + " " + response.asString());
                }
            }
        });
        assertEquals(List.of(), failures);
        assertEquals(before, owner.request().get(base).asString());

        owner.request().header("If-Match", "\"1\"").post(base + "/submit").then().statusCode(200);
        admin.request().header("If-Match", stale).body(Map.of("action", "approve")).post(base + "/review")
                .then().statusCode(412).body("status", equalTo("error"));
        owner.request().get(base).then().body("data.status", equalTo("submitted"));
        admin.request().header("If-Match", "\"1\"").body(Map.of("action", "approve")).post(base + "/review")
                .then().statusCode(200).body("data.status", equalTo("approved"));
    }

    @Test
    void twoClientsReorderingTheSameReleaseCannotOverwriteEachOther() {
        String release = owner.newRelease(3);
        String base = "/releases/" + release;
        List<String> tracks = owner.trackIds(release);
        String seenByBoth = owner.request().get(base + "/tracks").header("ETag");

        owner.request().header("If-Match", seenByBoth).body(Map.of("trackOrder", List.of(tracks.get(2))))
                .post(base + "/tracks/reorder").then().statusCode(200);
        owner.request().header("If-Match", seenByBoth).body(Map.of("trackOrder", List.of(tracks.get(1))))
                .post(base + "/tracks/reorder").then().statusCode(412);
        assertEquals(List.of(tracks.get(2), tracks.get(0), tracks.get(1)), owner.trackIds(release));
    }

    @Test
    void ifNoneMatchWithTheCurrentRevisionIs304WithoutABody() {
        String release = owner.newRelease(2);
        for (String path : List.of("/releases/" + release, "/releases/" + release + "/tracks")) {
            owner.request().header("If-None-Match", "\"0\"").get(path)
                    .then().statusCode(304).header("ETag", "\"0\"").body(emptyString());
            owner.request().header("If-None-Match", "\"5\"").get(path)
                    .then().statusCode(200).header("ETag", "\"0\"");
            owner.request().header("If-None-Match", "0").get(path)
                    .then().statusCode(400).body("status", equalTo("error"));
        }
    }
}
