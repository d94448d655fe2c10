package io.trackorder.releasetracks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.trackorder.support.Releases;
import io.trackorder.support.SeedSchema;

/** The release reorder: Royalti's endpoint on the shared ordering core. */
@QuarkusTest
class ReleaseReorderTest {

    private final Releases.Member member = Releases.newMember();

    @Test
    void listedTracksComeFirstInTheGivenOrderAndTheRestKeepTheirOrder() {
        String release = member.newRelease(5);
        List<String> t = member.trackIds(release);
        ValidatableResponse reordered = reorder(release, List.of(t.get(3), t.get(1))).statusCode(200)
                .body("success", equalTo(true))
                .body("message", equalTo("Tracks reordered successfully"))
                .body("data.id", equalTo(List.of(t.get(3), t.get(1), t.get(0), t.get(2), t.get(4))))
                .body("data.trackNumber", equalTo(List.of(1, 2, 3, 4, 5)));
        SeedSchema.assertReleaseTracks(reordered.extract().path("data"));
        member.request().get("/releases/" + release).then()
                .body("data.revision", equalTo(1))
                .body("data.tracks.id", equalTo(List.of(t.get(3), t.get(1), t.get(0), t.get(2), t.get(4))));
    }

    @Test
    void aFullPermutationOfALongListIsApplied() {
        String release = member.newRelease(300);
        List<String> order = new ArrayList<>(member.trackIds(release));
        Collections.shuffle(order);
        reorder(release, order).statusCode(200).body("data.id", equalTo(order));
        assertEquals(order, member.trackIds(release));
    }

    @Test
    void anEmptyOrUnchangedOrderWritesNothing() {
        String release = member.newRelease(3);
        List<String> t = member.trackIds(release);
        reorder(release, List.of()).statusCode(200).body("data.id", equalTo(t));
        reorder(release, List.of(t.get(0), t.get(1))).statusCode(200).body("data.id", equalTo(t));
        member.request().get("/releases/" + release).then().body("data.revision", equalTo(0));
    }

    @Test
    void idsAreComparedAsUuids() {
        String release = member.newRelease(2);
        List<String> t = member.trackIds(release);
        reorder(release, List.of(t.get(1).toUpperCase(Locale.ROOT))).statusCode(200)
                .body("data.id", equalTo(List.of(t.get(1), t.get(0))));
        reorder(release, List.of(t.get(0), t.get(0).toUpperCase(Locale.ROOT))).statusCode(400)
                .body("message", containsString(t.get(0)));
    }

    @Test
    void unknownDuplicateOrMalformedIdsAre400NamingThemAndChangeNothing() {
        String release = member.newRelease(3);
        List<String> t = member.trackIds(release);
        String otherReleasesTrack = member.trackIds(member.newRelease(1)).get(0);
        String unknown = UUID.randomUUID().toString();
        reorder(release, List.of(t.get(2), unknown, otherReleasesTrack)).statusCode(400)
                .body("status", equalTo("error"))
                .body("message", containsString(unknown))
                .body("message", containsString(otherReleasesTrack))
                .body("errors[0].field", equalTo("trackOrder"));
        reorder(release, List.of(t.get(2), t.get(1), t.get(2))).statusCode(400)
                .body("message", containsString(t.get(2)));
        reorder(release, List.of(t.get(2), "track1-uuid")).statusCode(400)
                .body("message", containsString("track1-uuid"));
        assertEquals(t, member.trackIds(release));
        member.request().get("/releases/" + release).then().body("data.revision", equalTo(0));
    }

    @Test
    void aMissingOrMalformedTrackOrderIs400() {
        String release = member.newRelease(2);
        String path = "/releases/" + release + "/tracks/reorder";
        for (String body : List.of("{}", "{\"ref\":\"#/components/schemas/TrackOrderRequest\"}", "{\"trackOrder\":null}",
                "{\"trackOrder\":\"abc\"}", "{\"trackOrder\":[1,2]}", "{\"trackOrder\":[[\"a\"]]}", "[]", "null")) {
            member.request().body(body).post(path).then().statusCode(400)
                    .body("status", equalTo("error"))
                    .body("message", equalTo("trackOrder must be an array of track ids"));
        }
        member.request().body("{\"trackOrder\": [").post(path).then().statusCode(400).body("status", equalTo("error"));
        member.request().post(path).then().statusCode(400).body("status", equalTo("error"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        reorder(release, tooMany).statusCode(400).body("message", containsString("at most 1000"));
    }

    @Test
    void otherTopLevelFieldsAreIgnored() {
        String release = member.newRelease(2);
        List<String> t = member.trackIds(release);
        member.request().body(Map.of("trackOrder", List.of(t.get(1)), "note", Map.of("a", 1)))
                .post("/releases/" + release + "/tracks/reorder")
                .then().statusCode(200).body("data.id", equalTo(List.of(t.get(1), t.get(0))));
    }

    private ValidatableResponse reorder(String release, List<String> order) {
        return member.request().body(Map.of("trackOrder", order)).post("/releases/" + release + "/tracks/reorder").then();
    }
}
