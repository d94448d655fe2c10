package io.trackorder.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trackorder.support.Api;
import io.trackorder.support.Endpoints;
import io.trackorder.support.Endpoints.Surface;
import io.trackorder.support.ForgedTokens;
import io.trackorder.support.Internals;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * The security matrix: every endpoint of every surface against every attack that applies to
 * it. Each cell checks the documented status and the surface's error format, that no error carries
 * internals, that the response carries the security headers, that nothing of the victim appears in
 * the body beyond what the request itself named, and that none of the victim's rows changed.
 * Every failing cell is reported at once. Adding an endpoint or an attack is one line in a table.
 */
@QuarkusTest
class SecurityMatrixTest {

    /** Not applicable: the attack does not concern this endpoint. */
    private static final int SKIP = 0;

    /**
     * One endpoint, aimed at the victim's data. {@code stranger}: the status for a member of another
     * organization (asking under their own organization) or an admin of another workspace, each with
     * valid credentials; {@code colleague}: for another (non-admin) user of the victim's organization
     * or workspace. Placeholders in braces name the victim's resources (see {@link Victim#fill}).
     */
    record Endpoint(Endpoints.Endpoint operation, String path, String body, int stranger, int colleague,
            boolean adminOnly) {

        Surface surface() {
            return operation.surface();
        }

        String method() {
            return operation.method();
        }

        Endpoint onlyForAdmins() {
            return new Endpoint(operation, path, body, stranger, colleague, true);
        }

        Endpoint withQuery(String query) {
            return new Endpoint(operation, path + query, body, stranger, colleague, adminOnly);
        }

        /** Aimed at another of the victim's releases than the draft. */
        Endpoint onRelease(String release) {
            return new Endpoint(operation,
                    operation.path(Map.of("id", release, "trackId", "{release_track}", "revision", "0")), body,
                    stranger, colleague, adminOnly);
        }

        @Override
        public String toString() {
            return method() + " " + path;
        }
    }

    private static Endpoint collections(Endpoints.Endpoint operation, String body, int stranger, int colleague) {
        return new Endpoint(operation,
                operation.path(Map.of("organization_id", "{org}", "collection_id", "{collection}", "track_id", "{track}",
                        "revision", "2")),
                body, stranger, colleague, false);
    }

    private static Endpoint releases(Endpoints.Endpoint operation, String body, int stranger, int colleague) {
        return new Endpoint(operation, null, body, stranger, colleague, false).onRelease("{release}");
    }

    private static Endpoint admin(Endpoints.Endpoint operation, String body) {
        return new Endpoint(operation, operation.path(Map.of("id", "{key_id}")), body, SKIP, SKIP, false);
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            //          endpoint                               body                                   stranger colleague
            collections(Endpoints.CREATE_TRACK, "{\"title\":\"x\"}", 201, 201),
            collections(Endpoints.LIST_TRACKS, null, 200, 200),
            collections(Endpoints.LIST_TRACKS, null, 404, 404).withQuery("?collection_id={collection}"),
            collections(Endpoints.GET_TRACK, null, 404, 200), // org-wide catalogue
            collections(Endpoints.DELETE_TRACK, null, 404, 403),
            collections(Endpoints.CREATE_COLLECTION, "{\"name\":\"x\"}", 201, 201),
            collections(Endpoints.LIST_COLLECTIONS, null, 200, 200),
            collections(Endpoints.GET_COLLECTION, null, 404, 404),
            collections(Endpoints.UPDATE_COLLECTION, "{\"name\":\"stolen\"}", 404, 404),
            collections(Endpoints.DELETE_COLLECTION, null, 404, 404),
            collections(Endpoints.LIST_COLLECTION_TRACKS, null, 404, 404),
            collections(Endpoints.ADD_COLLECTION_TRACK, "{\"track_id\":\"{track}\"}", 404, 404),
            collections(Endpoints.REMOVE_COLLECTION_TRACK, null, 404, 404),
            collections(Endpoints.REORDER_COLLECTION, "{\"ordered_track_ids\":[\"{track}\"]}", 404, 404),
            collections(Endpoints.MOVE_COLLECTION_TRACKS,
                    "{\"track_ids\":[\"{track}\"],\"before_track_id\":\"{second_track}\"}", 404, 404),
            collections(Endpoints.LIST_COLLECTION_ORDER_HISTORY, null, 404, 404),
            collections(Endpoints.GET_COLLECTION_ORDER_HISTORY_ENTRY, null, 404, 404),
            collections(Endpoints.RESTORE_COLLECTION_ORDER, "{\"revision\":2}", 404, 404),
            releases(Endpoints.CREATE_RELEASE, "{\"title\":\"x\",\"displayArtist\":\"y\"}", 201, 201),
            releases(Endpoints.LIST_RELEASES, null, 200, 200),
            releases(Endpoints.GET_RELEASE, null, 404, 404),
            releases(Endpoints.UPDATE_RELEASE, "{\"title\":\"stolen\"}", 404, 404),
            releases(Endpoints.DELETE_RELEASE, null, 404, 404),
            releases(Endpoints.SUBMIT_RELEASE, null, 404, 404),
            releases(Endpoints.REVIEW_RELEASE, "{\"action\":\"approve\"}", 404, 403).onRelease("{submitted}")
                    .onlyForAdmins(),
            releases(Endpoints.LIST_RELEASE_TRACKS, null, 404, 404),
            releases(Endpoints.ADD_RELEASE_TRACK, "{\"title\":\"x\"}", 404, 404),
            releases(Endpoints.UPDATE_RELEASE_TRACK, "{\"title\":\"stolen\"}", 404, 404),
            releases(Endpoints.REMOVE_RELEASE_TRACK, null, 404, 404),
            releases(Endpoints.REORDER_RELEASE_TRACKS, "{\"trackOrder\":[\"{second_release_track}\"]}", 404, 404),
            releases(Endpoints.MOVE_RELEASE_TRACKS,
                    "{\"trackIds\":[\"{second_release_track}\"],\"beforeTrackId\":\"{release_track}\"}", 404, 404),
            releases(Endpoints.LIST_RELEASE_TRACK_HISTORY, null, 404, 404),
            releases(Endpoints.GET_RELEASE_TRACK_HISTORY_ENTRY, null, 404, 404),
            releases(Endpoints.RESTORE_RELEASE_TRACK_ORDER, "{\"revision\":0}", 404, 404),
            admin(Endpoints.ISSUE_API_KEY, "{\"organization_id\":\"{org}\",\"user_id\":\"{user}\",\"name\":\"stolen\"}"),
            admin(Endpoints.REVOKE_API_KEY, null));

    /** One attack on one surface: who calls with which credentials, and what each endpoint must answer. */
    record Attack(String name, Surface surface, UnaryOperator<RequestSpecification> credentials, String organization,
            ToIntFunction<Endpoint> expected) {
    }

    private static List<Attack> attacks(Victim victim) throws Exception {
        Api.Caller outsider = Api.newCaller();
        Api.Caller colleague = Api.newCaller(victim.owner.organizationId());
        Releases.Member otherWorkspaceAdmin = Releases.newMember().adminOfWorkspace();
        Releases.Member workspaceColleague = victim.member.colleague();
        String org = victim.owner.organizationId();
        List<Attack> attacks = new ArrayList<>(List.of(
                new Attack("no API key", Surface.COLLECTIONS, r -> r, org, e -> 401),
                new Attack("empty API key", Surface.COLLECTIONS, apiKey(""), org, e -> 401),
                new Attack("malformed API key", Surface.COLLECTIONS, apiKey("ak_nope"), org, e -> 401),
                new Attack("unknown API key", Surface.COLLECTIONS, apiKey("ak_" + "0".repeat(40)), org, e -> 401),
                new Attack("revoked API key", Surface.COLLECTIONS, apiKey(victim.revokedKey), org, e -> 401),
                new Attack("oversize API key", Surface.COLLECTIONS, apiKey("ak_" + "a".repeat(12_000)), org, e -> 401),
                new Attack("admin token instead of an API key", Surface.COLLECTIONS, adminToken(Api.ADMIN_TOKEN), org,
                        e -> 401),
                new Attack("bearer token instead of an API key", Surface.COLLECTIONS, bearer(victim.member.token()), org,
                        e -> 401),
                new Attack("another organization's key", Surface.COLLECTIONS, apiKey(outsider.apiKey()), org, e -> 403),
                new Attack("another organization asking for these ids", Surface.COLLECTIONS, apiKey(outsider.apiKey()),
                        outsider.organizationId(), Endpoint::stranger),
                new Attack("another user of the organization", Surface.COLLECTIONS, apiKey(colleague.apiKey()), org,
                        Endpoint::colleague),
                new Attack("no admin token", Surface.ADMIN, r -> r, org, e -> 401),
                new Attack("wrong admin token", Surface.ADMIN, adminToken("wrong"), org, e -> 401),
                new Attack("admin token with a suffix", Surface.ADMIN, adminToken(Api.ADMIN_TOKEN + "x"), org, e -> 401),
                new Attack("admin token prefix", Surface.ADMIN, adminToken(Api.ADMIN_TOKEN.substring(0, 5)), org, e -> 401),
                new Attack("oversize admin token", Surface.ADMIN, adminToken("x".repeat(12_000)), org, e -> 401),
                new Attack("API key instead of the admin token", Surface.ADMIN, apiKey(victim.owner.apiKey()), org, e -> 401),
                new Attack("no bearer token", Surface.RELEASES, r -> r, org, e -> 401),
                new Attack("API key instead of a bearer token", Surface.RELEASES, apiKey(victim.owner.apiKey()), org, e -> 401),
                new Attack("API key as the bearer token", Surface.RELEASES, bearer(victim.owner.apiKey()), org, e -> 401),
                new Attack("admin of another workspace", Surface.RELEASES, bearer(otherWorkspaceAdmin.token()), org,
                        Endpoint::stranger),
                new Attack("another user of the workspace", Surface.RELEASES, bearer(workspaceColleague.token()), org,
                        Endpoint::colleague),
                new Attack("the owner, not an admin, on admin actions", Surface.RELEASES, bearer(victim.member.token()), org,
                        e -> e.adminOnly() ? 403 : SKIP)));
        new ForgedTokens(victim.member.userId(), victim.member.workspace()).all()
                .forEach((name, token) -> attacks.add(new Attack(name, Surface.RELEASES, bearer(token), org, e -> 401)));
        return attacks;
    }

    private static UnaryOperator<RequestSpecification> apiKey(String key) {
        return r -> r.header("X-API-Key", key);
    }

    private static UnaryOperator<RequestSpecification> adminToken(String token) {
        return r -> r.header("X-Admin-Token", token);
    }

    private static UnaryOperator<RequestSpecification> bearer(String token) {
        return r -> r.header("Authorization", "Bearer " + token);
    }

    @Test
    void theMatrixAimsAtEveryEndpoint() {
        assertEquals(Set.copyOf(Endpoints.ALL), ENDPOINTS.stream().map(Endpoint::operation).collect(Collectors.toSet()));
    }

    @Test
    void everyAttackOnEveryEndpointGetsTheContractsAnswerAndNothingOfTheVictim() throws Exception {
        Victim victim = new Victim();
        List<String> failures = new ArrayList<>();
        int cells = 0;
        List<Attack> attacks = attacks(victim);
        try (Connection db = TestDatabase.connect()) {
            List<String> rows = victim.rows(db);
            for (Attack attack : attacks) {
                for (Endpoint endpoint : ENDPOINTS) {
                    int expected = endpoint.surface() == attack.surface() ? attack.expected().applyAsInt(endpoint) : SKIP;
                    if (expected == SKIP) {
                        continue;
                    }
                    cells++;
                    String cell = "[" + attack.name() + "] " + endpoint + ": ";
                    String path = victim.fill(endpoint.path()).replace(victim.owner.organizationId(), attack.organization());
                    String body = endpoint.body() == null ? null : victim.fill(endpoint.body());
                    RequestSpecification request = attack.credentials().apply(given());
                    if (body != null) {
                        request.contentType(ContentType.JSON).body(body);
                    }
                    Response response = request.request(endpoint.method(), path);
                    for (String problem : problems(endpoint.surface(), expected, response,
                            victim.secrets(path, body, expected))) {
                        failures.add(cell + problem);
                    }
                    List<String> now = victim.rows(db);
                    if (!now.equals(rows)) {
                        failures.add(cell + "changed the victim's rows:\n  before " + rows + "\n  after  " + now);
                        rows = now;
                    }
                }
            }
        }
        assertTrue(cells > 300, "the matrix ran " + cells + " cells");
        assertTrue(failures.isEmpty(), failures.size() + " of " + cells + " cells failed:\n" + String.join("\n", failures));
    }

    /** Everything wrong with one answer; empty when it is right. */
    private static List<String> problems(Surface surface, int expected, Response response, List<String> secrets) {
        List<String> problems = new ArrayList<>();
        String body = response.asString();
        if (response.statusCode() != expected) {
            problems.add("status " + response.statusCode() + ", expected " + expected + ": " + abbreviated(body));
        }
        if (!"nosniff".equals(response.header("X-Content-Type-Options"))) {
            problems.add("X-Content-Type-Options is " + response.header("X-Content-Type-Options"));
        }
        if (!"no-store".equals(response.header("Cache-Control"))) {
            problems.add("Cache-Control is " + response.header("Cache-Control"));
        }
        for (String secret : secrets) {
            if (body.contains(secret)) {
                problems.add("the body shows the victim's " + secret + ": " + abbreviated(body));
            }
        }
        if (response.statusCode() >= 400) {
            for (String internal : Internals.in(body)) {
                problems.add("the error shows internals (" + internal + "): " + abbreviated(body));
            }
            String format = surface == Surface.RELEASES ? releasesFormat(response) : envelopeFormat(response);
            if (format != null) {
                problems.add(format + ": " + abbreviated(body));
            }
        }
        return problems;
    }

    /** The Collections API envelope; null when it is right. */
    private static String envelopeFormat(Response response) {
        JsonPath json = json(response);
        int status = response.statusCode();
        String code = json == null ? null : json.getString("error.code");
        List<String> codes = switch (status) {
            case 401 -> List.of("AUTHENTICATION_REQUIRED");
            case 403 -> List.of("ORGANIZATION_ACCESS_DENIED", "INSUFFICIENT_PERMISSIONS");
            case 404 -> List.of("RESOURCE_NOT_FOUND");
            default -> List.of();
        };
        if (json == null || !Boolean.FALSE.equals(json.get("success")) || !codes.contains(code)
                || !Objects.equals(json.get("error.status"), status)
                || !Objects.equals(json.getString("error.trace_id"), response.header("X-Request-Id"))) {
            return "not the §1.7 envelope for " + status;
        }
        return null;
    }

    /** The Releases API error body; null when it is right. */
    private static String releasesFormat(Response response) {
        JsonPath json = json(response);
        if (json == null || !"error".equals(json.getString("status")) || json.getString("message") == null
                || json.getString("message").isBlank() || json.get("success") != null) {
            return "not the §2.6 error body";
        }
        return null;
    }

    private static JsonPath json(Response response) {
        try {
            return response.contentType().startsWith("application/json") ? response.jsonPath() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /**
     * The party under attack: a user of an organization with a key (and a revoked second key), two
     * tracks in a collection, the second moved before the first (revision 3); a workspace member with a
     * draft release of two tracks and a submitted one.
     */
    static final class Victim {

        final Api.Caller owner = Api.newCaller();
        final Releases.Member member = Releases.newMember();
        final String revokedKey;
        /** Placeholder → value, in the order they are filled in. */
        private final Map<String, String> names = new LinkedHashMap<>();
        /** Each resource's id → everything of it that must not reach anyone else. */
        private final Map<String, List<String>> resources = new LinkedHashMap<>();

        Victim() throws Exception {
            String trackTitle = Api.uniqueId("victim-track-title-");
            String track = owner.request().body(Map.of("title", trackTitle)).post(owner.path("/tracks"))
                    .then().statusCode(201).extract().path("id");
            String collectionName = Api.uniqueId("victim-collection-");
            String description = Api.uniqueId("victim-description-");
            String collection = owner.request().body(Map.of("name", collectionName, "description", description))
                    .post(owner.path("/collections")).then().statusCode(201).extract().path("id");
            owner.add(collection, track);
            // A second track moved to the top: a move or a restore by anyone else would change the order.
            String secondTitle = Api.uniqueId("victim-track-title-");
            String secondTrack = owner.request().body(Map.of("title", secondTitle)).post(owner.path("/tracks"))
                    .then().statusCode(201).extract().path("id");
            owner.add(collection, secondTrack);
            owner.move(collection, Map.of("track_ids", List.of(secondTrack), "before_track_id", track))
                    .then().statusCode(200);
            var second = Api.admin().body(Map.of("organization_id", owner.organizationId(), "user_id", owner.userId(),
                    "name", "second")).post("/admin/api-keys").then().statusCode(201).extract();
            revokedKey = second.path("api_key");
            Api.admin().delete("/admin/api-keys/" + second.path("id")).then().statusCode(200);

            String releaseTitle = Api.uniqueId("victim-release-");
            String artist = Api.uniqueId("victim-artist-");
            List<String> songs = List.of(Api.uniqueId("victim-song-"), Api.uniqueId("victim-song-"));
            String release = member.request().body(Map.of("title", releaseTitle, "displayArtist", artist,
                    "tracks", List.of(Map.of("title", songs.get(0)), Map.of("title", songs.get(1)))))
                    .post("/releases").then().statusCode(201).extract().path("data.id");
            List<String> releaseTracks = member.trackIds(release);
            String submitted = member.newRelease(1);
            member.request().post("/releases/" + submitted + "/submit").then().statusCode(200);

            names.put("{org}", owner.organizationId());
            names.put("{user}", owner.userId());
            names.put("{key_id}", keyId(owner.apiKey()));
            names.put("{collection}", collection);
            names.put("{track}", track);
            names.put("{second_track}", secondTrack);
            names.put("{release}", release);
            names.put("{release_track}", releaseTracks.get(0));
            names.put("{second_release_track}", releaseTracks.get(1));
            names.put("{submitted}", submitted);

            resources.put(owner.userId(), List.of(owner.userId(), owner.apiKey(), revokedKey, names.get("{key_id}")));
            resources.put(track, List.of(track, trackTitle));
            resources.put(secondTrack, List.of(secondTrack, secondTitle));
            resources.put(collection, List.of(collection, collectionName, description));
            resources.put(member.userId(), List.of(member.userId(), member.workspace()));
            resources.put(release, List.of(release, releaseTitle, artist, songs.get(0), songs.get(1)));
            resources.put(submitted, List.of(submitted));
            for (String releaseTrack : releaseTracks) {
                resources.put(releaseTrack, List.of(releaseTrack));
            }
        }

        String fill(String template) {
            String filled = template;
            for (var name : names.entrySet()) {
                filled = filled.replace(name.getKey(), name.getValue());
            }
            return filled;
        }

        /**
         * What the answer must not show: everything of the victim, except what the request itself
         * named, and, for an answer the API lets succeed, the resource it named.
         */
        List<String> secrets(String path, String body, int expected) {
            String request = path + " " + Objects.toString(body, "");
            boolean succeeds = expected < 300;
            List<String> secrets = new ArrayList<>();
            resources.forEach((id, data) -> {
                if (!(succeeds && request.contains(id))) {
                    data.stream().filter(value -> !request.contains(value)).forEach(secrets::add);
                }
            });
            return secrets;
        }

        /** The victim's rows in every table, as JSON text, to tell whether anything changed. */
        List<String> rows(Connection db) throws Exception {
            try (PreparedStatement query = db.prepareStatement(
                    """
                            SELECT 'api_keys ' || row_to_json(k)::text FROM api_keys k WHERE k.organization_id = ?
                            UNION ALL SELECT 'tracks ' || row_to_json(t)::text FROM tracks t
                                WHERE t.organization_id = ? AND t.created_by = ?
                            UNION ALL SELECT 'collections ' || row_to_json(c)::text FROM collections c
                                WHERE c.organization_id = ? AND c.owner_user_id = ?
                            UNION ALL SELECT 'collection_tracks ' || row_to_json(m)::text FROM collection_tracks m
                                WHERE m.organization_id = ? AND m.collection_id = ?
                            UNION ALL SELECT 'collection_order_history ' || row_to_json(h)::text
                                FROM collection_order_history h WHERE h.organization_id = ? AND h.collection_id = ?
                            UNION ALL SELECT 'releases ' || row_to_json(r)::text FROM releases r JOIN workspaces w USING (tenant_id)
                                WHERE w.workspace = ? AND r.tenant_user_id = ?
                            UNION ALL SELECT 'release_tracks ' || row_to_json(t)::text FROM release_tracks t
                                JOIN releases r ON r.tenant_id = t.tenant_id AND r.id = t.release_id JOIN workspaces w ON w.tenant_id = r.tenant_id
                                WHERE w.workspace = ? AND r.tenant_user_id = ?
                            UNION ALL SELECT 'release_order_history ' || row_to_json(h)::text FROM release_order_history h
                                JOIN releases r ON r.tenant_id = h.tenant_id AND r.id = h.release_id JOIN workspaces w ON w.tenant_id = r.tenant_id
                                WHERE w.workspace = ? AND r.tenant_user_id = ?
                            ORDER BY 1""")) {
                String org = owner.organizationId();
                List<String> parameters = List.of(org, org, owner.userId(), org, owner.userId(), org, names.get("{collection}"),
                        org, names.get("{collection}"), member.workspace(), member.userId(), member.workspace(),
                        member.userId(), member.workspace(),
                        member.userId());
                for (int i = 0; i < parameters.size(); i++) {
                    query.setString(i + 1, parameters.get(i));
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.add(result.getString(1));
                    }
                }
                return rows;
            }
        }

        private static String keyId(String apiKey) throws Exception {
            try (Connection db = TestDatabase.connect();
                    PreparedStatement query = db.prepareStatement(
                            "SELECT id FROM api_keys WHERE key_hash = sha256(convert_to(?, 'UTF8'))")) {
                query.setString(1, apiKey);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        }
    }
}
