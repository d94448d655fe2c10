package io.trackorder.releases;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trackorder.support.Releases;
import io.trackorder.support.TaggedReads;

/**
 * ETag, If-Match and If-None-Match on the Releases API. A release and its track list share the tag
 * {@code "<revision>.<changes>"} (both show the tracks' fields); lists of releases are tagged by a
 * digest of their body; each tag changes whenever its body does.
 */
@QuarkusTest
class ConditionalReleaseRequestsTest {

    private static final List<String> NONE = List.of();

    private final Releases.Member owner = Releases.newMember();
    private final Releases.Member admin = owner.adminOfWorkspace();

    @Test
    void everyResponseAboutAReleaseCarriesItsTag() {
        Response created = owner.request().body(Map.of("title", "R", "displayArtist", "A",
                "tracks", List.of(Map.of("title", "1"), Map.of("title", "2")))).post("/releases");
        created.then().statusCode(201).header("ETag", "\"0.0\"");
        String release = created.path("data.id");
        String base = "/releases/" + release;
        List<String> tracks = owner.trackIds(release);

        owner.request().get(base).then().statusCode(200).header("ETag", "\"0.0\"");
        owner.request().get(base + "/tracks").then().statusCode(200).header("ETag", "\"0.0\"");
        Response added = owner.request().body(Map.of("title", "3")).post(base + "/tracks");
        added.then().statusCode(201).header("ETag", "\"1.0\"");
        owner.request().body(Map.of("trackOrder", List.of(tracks.get(1)))).post(base + "/tracks/reorder")
                .then().statusCode(200).header("ETag", "\"2.0\"");
        owner.request().body(Map.of("trackOrder", List.of(tracks.get(1)))).post(base + "/tracks/reorder")
                .then().statusCode(200).header("ETag", "\"2.0\"");
        owner.request().body(Map.of("title", "renamed")).put(base + "/tracks/" + tracks.get(0))
                .then().statusCode(200).header("ETag", "\"2.1\"");
        owner.request().body(Map.of("title", "R2")).put(base)
                .then().statusCode(200).header("ETag", "\"2.2\"").body("data.revision", equalTo(2));
        owner.request().delete(base + "/tracks/" + added.path("data.id"))
                .then().statusCode(200).header("ETag", "\"3.2\"");
        owner.request().post(base + "/submit").then().statusCode(200).header("ETag", "\"3.3\"");
        admin.request().body(Map.of("action", "reject", "feedback", "no")).post(base + "/review")
                .then().statusCode(200).header("ETag", "\"3.4\"");
        owner.request().get(base + "/tracks").then().statusCode(200).header("ETag", "\"3.4\"");
        // Deleted, it has no representation left to tag.
        owner.request().delete(base).then().statusCode(200).header("ETag", nullValue());
    }

    /**
     * Every kind of change, each first with stale If-Match values (412, nothing written) and then
     * with the current tag, against every read it may affect.
     */
    @Test
    void everyChangeRetagsTheReadsWhoseBodyItChanges() {
        String release = owner.newRelease(3);
        String base = "/releases/" + release;
        List<String> tracks = owner.trackIds(release);
        TaggedReads reads = new TaggedReads()
                .watch("release", etag -> get(owner, etag, base))
                .watch("tracks", etag -> get(owner, etag, base + "/tracks"))
                .watch("releases", etag -> get(owner, etag, "/releases"))
                .watch("drafts", etag -> get(owner, etag, "/releases?status=draft"));
        List<String> everything = List.of("release", "tracks", "releases", "drafts");

        change(reads, "PUT title", "release", etag -> ifMatch(owner, etag).body(Map.of("title", "New")).put(base), 200,
                List.of("release", "releases", "drafts"), List.of("tracks"));
        change(reads, "PUT that changes no field (updatedAt still moves)", "release",
                etag -> ifMatch(owner, etag).body(Map.of("title", "New")).put(base), 200,
                List.of("release", "releases", "drafts"), List.of("tracks"));
        change(reads, "track update", "tracks", etag -> ifMatch(owner, etag).body(Map.of("isrc", "USABC2600001"))
                .put(base + "/tracks/" + tracks.get(0)), 200, List.of("release", "tracks"), NONE);
        change(reads, "track add", "tracks", etag -> ifMatch(owner, etag).body(Map.of("title", "4"))
                .post(base + "/tracks"), 201, everything, NONE);
        change(reads, "reorder", "tracks", etag -> ifMatch(owner, etag)
                .body(Map.of("trackOrder", List.of(tracks.get(2)))).post(base + "/tracks/reorder"), 200, everything, NONE);
        change(reads, "reorder into the current order", "tracks", etag -> ifMatch(owner, etag)
                .body(Map.of("trackOrder", owner.trackIds(release))).post(base + "/tracks/reorder"), 200, NONE, NONE);
        change(reads, "empty reorder", "release", etag -> ifMatch(owner, etag)
                .body(Map.of("trackOrder", List.of())).post(base + "/tracks/reorder"), 200, NONE, NONE);
        change(reads, "track delete", "tracks", etag -> ifMatch(owner, etag).delete(base + "/tracks/" + tracks.get(1)),
                200, everything, NONE);
        change(reads, "submit", "release", etag -> ifMatch(owner, etag).post(base + "/submit"), 200,
                List.of("release", "releases", "drafts"), List.of("tracks"));
        change(reads, "review: reject", "release", etag -> ifMatch(admin, etag)
                .body(Map.of("action", "reject", "feedback", "Cover art is missing")).post(base + "/review"), 200,
                List.of("release", "releases"), List.of("tracks"));
        change(reads, "track update of a rejected release", "tracks", etag -> ifMatch(owner, etag)
                .body(Map.of("title", "fixed")).put(base + "/tracks/" + tracks.get(0)), 200,
                List.of("release", "tracks"), NONE);
        change(reads, "submit again", "release", etag -> ifMatch(owner, etag).post(base + "/submit"), 200,
                List.of("release", "releases"), List.of("tracks"));
        change(reads, "review: approve", "release", etag -> ifMatch(admin, etag)
                .body(Map.of("action", "approve")).post(base + "/review"), 200,
                List.of("release", "releases"), List.of("tracks"));
        reads.assertNoFailures();
    }

    @Test
    void deletingAReleaseRetiresItsTags() {
        String release = owner.newRelease(2);
        String base = "/releases/" + release;
        TaggedReads reads = new TaggedReads()
                .watch("release", etag -> get(owner, etag, base))
                .watch("tracks", etag -> get(owner, etag, base + "/tracks"))
                .watch("releases", etag -> get(owner, etag, "/releases"));

        Response deleted = reads.conditionally("DELETE", "release", etag -> ifMatch(owner, etag).delete(base), 200);
        reads.check("DELETE", List.of("releases"), NONE, List.of("release", "tracks"));
        reads.expect("DELETE answers no tag", deleted.header("ETag") == null, deleted.header("ETag"));
        reads.assertNoFailures();
    }

    @Test
    void aStaleIfMatchIs412InTheReleasesFormatAndWritesNothing() {
        String release = owner.newRelease(3);
        String base = "/releases/" + release;
        List<String> tracks = owner.trackIds(release);
        owner.request().body(Map.of("trackOrder", List.of(tracks.get(2)))).post(base + "/tracks/reorder")
                .then().statusCode(200).header("ETag", "\"1.0\"");
        owner.request().body(Map.of("title", "edited")).put(base + "/tracks/" + tracks.get(0))
                .then().statusCode(200).header("ETag", "\"1.1\"");
        String current = "\"1.1\"";

        Map<String, Function<String, Response>> mutations = new LinkedHashMap<>();
        mutations.put("reorder", etag -> ifMatch(owner, etag)
                .body(Map.of("trackOrder", List.of(tracks.get(0)))).post(base + "/tracks/reorder"));
        mutations.put("add track", etag -> ifMatch(owner, etag).body(Map.of("title", "new")).post(base + "/tracks"));
        mutations.put("update track", etag -> ifMatch(owner, etag)
                .body(Map.of("title", "changed")).put(base + "/tracks/" + tracks.get(1)));
        mutations.put("remove track", etag -> ifMatch(owner, etag).delete(base + "/tracks/" + tracks.get(1)));
        mutations.put("update", etag -> ifMatch(owner, etag).body(Map.of("title", "changed")).put(base));
        mutations.put("submit", etag -> ifMatch(owner, etag).post(base + "/submit"));
        mutations.put("delete", etag -> ifMatch(owner, etag).delete(base));

        String before = owner.request().get(base).asString();
        List<String> failures = new ArrayList<>();
        mutations.forEach((name, mutation) -> {
            // "1" and "1.0" were current before the track edit; an old server tagged by the revision alone.
            for (String etag : List.of("\"0.0\"", "\"1.0\"", "\"1\"", "W/" + current)) {
                Response response = mutation.apply(etag);
                if (response.statusCode() != 412 || !"error".equals(response.path("status"))
                        || response.path("success") != null || !response.<String> path("message").contains(current)) {
                    failures.add(name + " with If-Match " + etag + ": " + response.statusCode() + " " + response.asString());
                }
            }
        });
        assertEquals(List.of(), failures);
        assertEquals(before, owner.request().get(base).asString());

        Response submitted = ifMatch(owner, current).post(base + "/submit");
        submitted.then().statusCode(200).header("ETag", "\"1.2\"");
        admin.request().header("If-Match", current).body(Map.of("action", "approve")).post(base + "/review")
                .then().statusCode(412).body("status", equalTo("error"));
        owner.request().get(base).then().body("data.status", equalTo("submitted"));
        admin.request().header("If-Match", submitted.header("ETag")).body(Map.of("action", "approve"))
                .post(base + "/review")
                .then().statusCode(200).body("data.status", equalTo("approved")).header("ETag", "\"1.3\"");
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
    void aCachedReleaseIsNotServedAfterItsReview() {
        String release = owner.newRelease(1);
        String base = "/releases/" + release;
        owner.request().post(base + "/submit").then().statusCode(200);
        String cached = owner.request().get(base).then().statusCode(200).extract().header("ETag");

        admin.request().body(Map.of("action", "reject", "feedback", "no")).post(base + "/review").then().statusCode(200);

        owner.request().header("If-None-Match", cached).get(base)
                .then().statusCode(200).body("data.status", equalTo("rejected"));
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIs304WithoutABody() {
        String release = owner.newRelease(2);
        for (String path : List.of("/releases/" + release, "/releases/" + release + "/tracks")) {
            owner.request().header("If-None-Match", "\"0.0\"").get(path)
                    .then().statusCode(304).header("ETag", "\"0.0\"").body(emptyString());
            for (String other : List.of("\"5.0\"", "\"0\"", "\"0.1\"")) {
                owner.request().header("If-None-Match", other).get(path)
                        .then().statusCode(200).header("ETag", "\"0.0\"");
            }
        }
        for (String path : List.of("/releases/" + release, "/releases/" + release + "/tracks", "/releases")) {
            owner.request().header("If-None-Match", "0").get(path)
                    .then().statusCode(400).body("status", equalTo("error"));
        }
    }

    @Test
    void listsOfReleasesAreTaggedByADigestOfTheirBody() {
        owner.newRelease(1);
        for (String path : List.of("/releases", "/releases?status=draft&limit=5")) {
            Response first = owner.request().get(path);
            String etag = first.then().statusCode(200).header("ETag", matchesPattern("\"[A-Za-z0-9_-]{22}\""))
                    .extract().header("ETag");
            owner.request().header("If-None-Match", etag).get(path)
                    .then().statusCode(304).header("ETag", etag).body(emptyString());
            owner.request().header("If-None-Match", "\"0.0\"").get(path)
                    .then().statusCode(200).header("ETag", etag).body(equalTo(first.asString()));
        }
        // What an admin sees (every release of the workspace) is another representation.
        owner.colleague().newRelease(1);
        String own = owner.request().get("/releases").header("ETag");
        admin.request().header("If-None-Match", own).get("/releases").then().statusCode(200);
    }

    private static void change(TaggedReads reads, String step, String validator, Function<String, Response> change,
            int status, List<String> changed, List<String> retagged) {
        Response done = reads.conditionally(step, validator, change, status);
        reads.check(step, changed, retagged, NONE);
        reads.expectTagOf(step, validator, done);
    }

    private static Response get(Releases.Member member, String ifNoneMatch, String path) {
        RequestSpecification request = member.request();
        return (ifNoneMatch == null ? request : request.header("If-None-Match", ifNoneMatch)).get(path);
    }

    private static RequestSpecification ifMatch(Releases.Member member, String etag) {
        return member.request().header("If-Match", etag);
    }
}
