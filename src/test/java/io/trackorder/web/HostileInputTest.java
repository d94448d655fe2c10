package io.trackorder.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.trackorder.support.Api;
import io.trackorder.support.Endpoints;
import io.trackorder.support.Endpoints.Surface;
import io.trackorder.support.Garbage;
import io.trackorder.support.Releases;
import io.trackorder.support.TestDatabase;

/**
 * Property: generated hostile requests to every endpoint of both surfaces and {@code /admin} are
 * answered with a 4xx in the surface's error format, never a 5xx, and leave the data as it was.
 * Every request is invalid for the API in exactly the way its description says (a garbage
 * body, a wrong field, a bad path id, a bad query parameter or media type), so 4xx is the right
 * answer. The seed is printed; replay a failure with {@code -Dhostile.seed=<seed>}.
 */
@QuarkusTest
class HostileInputTest {

    private static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
    private static final int EXAMPLES = Integer.getInteger("hostile.examples", 150);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\bat (io|org|java)\\.|java\\.|org\\.hibernate|io\\.vertx|SQLSTATE");

    /** A body field: the kind of value it takes and its limit (length, items or maximum). */
    private record Field(String name, String type, int max) {
    }

    /** A request template; the body may name the tenants' ids as path parameters do, e.g. {track_id}. */
    private record Endpoint(Endpoints.Endpoint operation, Map<String, Object> base, List<Field> fields,
            List<String> queryParameters) {

        String method() {
            return operation.method();
        }

        String path() {
            return operation.path();
        }

        boolean hasBody() {
            return base != null;
        }

        boolean releases() {
            return operation.surface() == Surface.RELEASES;
        }

        /** Only the Collections API and /admin refuse unknown body fields; the Releases API ignores them. */
        boolean refusesUnknownFields() {
            return !releases();
        }
    }

    private record Attack(String description, Endpoint endpoint, String path, String contentType, String body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + ")" : body;
            return endpoint.method() + " " + (path.length() > 300 ? path.substring(0, 300) + "…" : path) + " ["
                    + description + "] " + contentType + " " + shown;
        }
    }

    private Api.Caller caller;
    private Releases.Member member;
    private Map<String, String> ids;
    private Connection db;

    @BeforeEach
    void tenants() throws SQLException {
        System.out.println("HostileInputTest seed " + SEED + " (replay with -Dhostile.seed=" + SEED + ")");
        caller = Api.newCaller();
        member = Releases.newMember().adminOfWorkspace();
        String collection = caller.newCollection();
        String member1 = caller.newTrack();
        String member2 = caller.newTrack();
        caller.add(collection, member1);
        caller.add(collection, member2);
        String release = member.newRelease(2);
        String key = Api.admin().body(Map.of("organization_id", caller.organizationId(), "user_id", "usr_spare", "name", "k"))
                .post("/admin/api-keys").then().statusCode(201).extract().path("id");
        List<String> releaseTracks = member.trackIds(release);
        ids = Map.of("organization_id", caller.organizationId(), "collection_id", collection, "track_id", member1,
                "second_track_id", member2, "revision", "2", "release", release, "trackId", releaseTracks.get(0),
                "key", key, "nextTrackId", releaseTracks.get(1));
        db = TestDatabase.connect();
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void theCollectionsApiAnswersGarbageWithA4xxAndChangesNothing() throws SQLException {
        check(Surface.COLLECTIONS, collectionsEndpoints(), this::collectionsData);
    }

    @Test
    void theReleasesApiAnswersGarbageWithA4xxAndChangesNothing() throws SQLException {
        check(Surface.RELEASES, releasesEndpoints(), this::releasesData);
    }

    @Test
    void theAdminApiAnswersGarbageWithA4xxAndChangesNothing() throws SQLException {
        check(Surface.ADMIN, adminEndpoints(), this::collectionsData);
    }

    private interface Snapshot {
        List<String> take() throws SQLException;
    }

    private void check(Surface surface, List<Endpoint> endpoints, Snapshot data) throws SQLException {
        assertEquals(Set.copyOf(Endpoints.of(surface)), endpoints.stream().map(Endpoint::operation).collect(Collectors.toSet()),
                "every endpoint of the surface is attacked");
        List<String> initial = data.take();
        Gen<Attack> attacks = in -> attack(new Garbage(in), endpoints);
        // Each request is compared with the data just before it, so that shrinking a failure finds the
        // request that changed the data rather than any request after it.
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).withShrinkCycles(20)
                .forAll(attacks.describedAs(Attack::toString))
                .checkAssert(attack -> {
                    List<String> before = snapshot(data);
                    Response response = send(attack);
                    assertAnsweredInFormat(attack, response);
                    assertEquals(before, snapshot(data), "seed " + SEED + ": data changed by " + attack);
                });
        assertEquals(initial, data.take(), "seed " + SEED);
    }

    private static List<String> snapshot(Snapshot data) {
        try {
            return data.take();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the endpoints ---------------------------------------------------------------------

    private static final List<Field> COLLECTION_FIELDS = List.of(new Field("name", "string", 512),
            new Field("description", "string", 4096), new Field("cover_track_id", "id", 128),
            new Field("cover_image_url", "string", 1024));
    private static final List<Field> RELEASE_FIELDS = List.of(new Field("title", "string", 512),
            new Field("displayArtist", "string", 512), new Field("version", "string", 256),
            new Field("label", "string", 512), new Field("copyright", "string", 512),
            new Field("description", "string", 4096), new Field("releaseDate", "code", 10),
            new Field("preReleaseDate", "code", 10), new Field("format", "code", 16), new Field("type", "code", 16),
            new Field("explicit", "code", 16), new Field("mainGenre", "texts", 100), new Field("subGenre", "texts", 100),
            new Field("artists", "artists", 100), new Field("metadata", "object", 0), new Field("tracks", "tracks", 1000));
    private static final List<Field> TRACK_FIELDS = List.of(new Field("title", "string", 512),
            new Field("version", "string", 256), new Field("displayArtist", "string", 512),
            new Field("isrc", "code", 32), new Field("iswc", "code", 32), new Field("duration", "number", 86_400),
            new Field("lyrics", "string", 65_536), new Field("language", "code", 35), new Field("assetId", "code", 36),
            new Field("explicit", "code", 16), new Field("mainGenre", "texts", 100), new Field("artists", "artists", 100),
            new Field("contributors", "object", 50), new Field("media", "empty", 0), new Field("metadata", "object", 0));

    private static List<Endpoint> collectionsEndpoints() {
        List<String> page = List.of("limit", "offset");
        return List.of(
                new Endpoint(Endpoints.CREATE_TRACK, Map.of(), List.of(new Field("title", "string", 512),
                        new Field("engine", "string", 256), new Field("mode", "string", 256),
                        new Field("measured_duration_seconds", "number", 86_400), new Field("instrumental", "boolean", 0),
                        new Field("licence_class", "code", 32)), List.of()),
                new Endpoint(Endpoints.LIST_TRACKS, null, List.of(), List.of("limit", "offset", "collection_id")),
                new Endpoint(Endpoints.GET_TRACK, null, List.of(), List.of()),
                new Endpoint(Endpoints.DELETE_TRACK, null, List.of(), List.of()),
                new Endpoint(Endpoints.CREATE_COLLECTION, Map.of("name", "n"), COLLECTION_FIELDS, List.of()),
                new Endpoint(Endpoints.LIST_COLLECTIONS, null, List.of(), page),
                new Endpoint(Endpoints.GET_COLLECTION, null, List.of(), List.of()),
                new Endpoint(Endpoints.UPDATE_COLLECTION, Map.of(), COLLECTION_FIELDS, List.of()),
                new Endpoint(Endpoints.DELETE_COLLECTION, null, List.of(), List.of()),
                new Endpoint(Endpoints.LIST_COLLECTION_TRACKS, null, List.of(), page),
                new Endpoint(Endpoints.ADD_COLLECTION_TRACK, Map.of("track_id", "{track_id}"),
                        List.of(new Field("track_id", "id", 128)), List.of()),
                new Endpoint(Endpoints.REMOVE_COLLECTION_TRACK, null, List.of(), List.of()),
                new Endpoint(Endpoints.REORDER_COLLECTION, Map.of("ordered_track_ids", List.of()),
                        List.of(new Field("ordered_track_ids", "ids", 10_000)), List.of()),
                // Each maximum is the largest value that fits the collection of two tracks; without the
                // attack, the second track would move before the first.
                new Endpoint(Endpoints.MOVE_COLLECTION_TRACKS, Map.of("range_start", 1, "insert_before", 0),
                        List.of(new Field("range_start", "number", 1), new Field("range_length", "number", 1),
                                new Field("insert_before", "number", 2)),
                        List.of()),
                // Without the attack, the second track would move before the first.
                new Endpoint(Endpoints.MOVE_COLLECTION_TRACKS,
                        Map.of("track_ids", List.of("{second_track_id}"), "before_track_id", "{track_id}"),
                        List.of(new Field("track_ids", "ids", 10_000), new Field("before_track_id", "id", 128),
                                new Field("after_track_id", "id", 128)),
                        List.of()),
                new Endpoint(Endpoints.LIST_COLLECTION_ORDER_HISTORY, null, List.of(), page),
                new Endpoint(Endpoints.GET_COLLECTION_ORDER_HISTORY_ENTRY, null, List.of(), List.of()),
                // Beyond the maximum, the last revision, is a revision with no entry.
                new Endpoint(Endpoints.RESTORE_COLLECTION_ORDER, Map.of("revision", 1),
                        List.of(new Field("revision", "number", 2)), List.of()));
    }

    private static List<Endpoint> releasesEndpoints() {
        return List.of(
                new Endpoint(Endpoints.CREATE_RELEASE, Map.of("title", "T", "displayArtist", "A"), RELEASE_FIELDS, List.of()),
                new Endpoint(Endpoints.LIST_RELEASES, null, List.of(),
                        List.of("status", "format", "type", "search", "page", "limit")),
                new Endpoint(Endpoints.GET_RELEASE, null, List.of(), List.of()),
                new Endpoint(Endpoints.UPDATE_RELEASE, Map.of(), RELEASE_FIELDS, List.of()),
                new Endpoint(Endpoints.DELETE_RELEASE, null, List.of(), List.of()),
                new Endpoint(Endpoints.SUBMIT_RELEASE, null, List.of(), List.of()),
                new Endpoint(Endpoints.REVIEW_RELEASE, Map.of("action", "approve"),
                        List.of(new Field("action", "code", 16), new Field("feedback", "string", 4096)), List.of()),
                new Endpoint(Endpoints.LIST_RELEASE_TRACKS, null, List.of(), List.of()),
                new Endpoint(Endpoints.ADD_RELEASE_TRACK, Map.of("title", "T"), TRACK_FIELDS, List.of()),
                new Endpoint(Endpoints.UPDATE_RELEASE_TRACK, Map.of(), TRACK_FIELDS, List.of()),
                new Endpoint(Endpoints.REMOVE_RELEASE_TRACK, null, List.of(), List.of()),
                new Endpoint(Endpoints.REORDER_RELEASE_TRACKS, Map.of("trackOrder", List.of()),
                        List.of(new Field("trackOrder", "ids", 1000)), List.of()),
                // The release has two tracks: a position beyond 2 is beyond the list.
                new Endpoint(Endpoints.MOVE_RELEASE_TRACKS, Map.of("rangeStart", 0, "insertBefore", 2),
                        List.of(new Field("rangeStart", "number", 2), new Field("rangeLength", "number", 2),
                                new Field("insertBefore", "number", 2)),
                        List.of()),
                new Endpoint(Endpoints.MOVE_RELEASE_TRACKS,
                        Map.of("trackIds", List.of("{trackId}"), "afterTrackId", "{nextTrackId}"),
                        List.of(new Field("trackIds", "ids", 1000), new Field("beforeTrackId", "id", 36),
                                new Field("afterTrackId", "id", 36)),
                        List.of()),
                new Endpoint(Endpoints.LIST_RELEASE_TRACK_HISTORY, null, List.of(), List.of("page", "limit")),
                new Endpoint(Endpoints.GET_RELEASE_TRACK_HISTORY_ENTRY, null, List.of(), List.of()),
                // Revision 1000 and above have no entry.
                new Endpoint(Endpoints.RESTORE_RELEASE_TRACK_ORDER, Map.of("revision", 0),
                        List.of(new Field("revision", "number", 999)), List.of()));
    }

    private static List<Endpoint> adminEndpoints() {
        return List.of(
                new Endpoint(Endpoints.ISSUE_API_KEY,
                        Map.of("organization_id", "{organization_id}", "user_id", "usr_x", "name", "n"),
                        List.of(new Field("organization_id", "code", 64), new Field("user_id", "code", 64),
                                new Field("name", "string", 256)),
                        List.of()),
                new Endpoint(Endpoints.REVOKE_API_KEY, null, List.of(), List.of()));
    }

    // ---- the attacks -----------------------------------------------------------------------

    private Attack attack(Garbage g, List<Endpoint> endpoints) {
        Endpoint endpoint = g.pick(endpoints);
        List<String> kinds = new ArrayList<>();
        if (endpoint.path().contains("{")) {
            kinds.add("path id");
        }
        if (!endpoint.queryParameters().isEmpty()) {
            kinds.add("query");
        }
        if (endpoint.hasBody()) {
            kinds.addAll(List.of("body", "field", "field", "field", "media type"));
        }
        String kind = g.pick(kinds); // every endpoint has a path id, a query or a body
        String path = endpoint.path();
        String contentType = "application/json";
        String body = endpoint.hasBody() ? json(endpoint.base()) : null;
        String description = kind;
        switch (kind) {
            case "path id" -> {
                String target = g.pick(endpoint.operation().parameters());
                // Removing a non-member is a 200 that changes nothing: only an id that no
                // track can have, over 128 characters, is refused there. Revision 0 exists:
                // only a revision that is no number names no entry.
                String garbage = target.equals("track_id") && endpoint.operation() == Endpoints.REMOVE_COLLECTION_TRACK
                        ? g.longerThan(128)
                        : target.equals("revision") ? g.weird() : pathId(g);
                description = "path " + target + " = " + garbage;
                path = path.replace("{" + target + "}", encode(garbage));
            }
            case "query" -> {
                String parameter = g.pick(endpoint.queryParameters());
                String value = queryValue(g, parameter);
                description = "query " + parameter + " = " + value;
                path = path + "?" + parameter + "=" + encode(value);
            }
            case "body" -> {
                body = g.chance(30) ? g.tooDeep() : g.chance(50) ? g.notJson() : g.otherTypeThan("object");
                description = "body";
            }
            case "media type" -> {
                contentType = g.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "text/csv", "image/png"));
                description = "content type " + contentType;
            }
            default -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                endpoint.base().forEach((name, value) -> fields.put(name, raw(json(value))));
                String name;
                String value;
                if (endpoint.refusesUnknownFields() && g.chance(15)) {
                    name = "x" + g.weird();
                    value = g.otherTypeThan("none");
                } else {
                    Field field = g.pick(endpoint.fields());
                    name = field.name();
                    value = invalidValue(g, field);
                }
                fields.put(name, raw(value));
                description = "field " + name;
                body = fields.entrySet().stream().map(e -> Garbage.quote(e.getKey()) + ": " + e.getValue())
                        .reduce((a, b) -> a + ", " + b).map(inner -> "{" + inner + "}").orElse("{}");
            }
        }
        Surface surface = endpoint.operation().surface();
        return new Attack(description, endpoint, fill(path, surface), contentType, body == null ? null : fill(body, surface));
    }

    /** A JSON value, already rendered, to be put into a body as it is. */
    private record Raw(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    private static Raw raw(String json) {
        return new Raw(json);
    }

    /** A value the API refuses for this field. */
    private static String invalidValue(Garbage g, Field field) {
        int way = g.between(0, 9);
        if (way == 0) {
            return g.tooDeep();
        }
        return switch (field.type()) {
            case "string" -> way < 4 ? g.otherTypeThan("string") : Garbage.quote(g.longerThan(field.max()));
            case "id" -> way < 4 ? g.otherTypeThan("string") : Garbage.quote(way < 7 ? g.longerThan(field.max()) : g.weird());
            // Codes, dates, enumerations and patterned ids: weird() never matches their shape.
            case "code" -> way < 4 ? g.otherTypeThan("string") : Garbage.quote(way < 6 ? g.longerThan(field.max()) : g.weird());
            case "number" -> way < 4 ? g.otherTypeThan("number")
                    : g.pick(List.of("-1", "-0.001", String.valueOf(field.max() + 1), "1e400", "-1e400", "1".repeat(1001)));
            case "boolean" -> g.otherTypeThan("boolean");
            case "texts" -> way < 4 ? g.otherTypeThan("array")
                    : way < 6
                            ? json(Collections.nCopies(field.max() + g.between(1, 5), "Pop"))
                            : "[\"ok\", " + (way < 8 ? Garbage.quote(g.longerThan(256)) : g.otherTypeThan("string")) + "]";
            case "artists" -> way < 4 ? g.scalar()
                    : way < 6
                            ? "{\"Artist\": " + Garbage.quote(g.weird()) + "}"
                            : way < 8 ? "[" + g.otherTypeThan("object") + "]" : manyArtists(field.max() + 1);
            case "object" -> way < 5 ? g.otherTypeThan("object")
                    : field.max() > 0 ? "{\"producer\": " + g.otherTypeThan("array") + "}"
                            : "{" + Garbage.quote("k\u0000" + g.weird()) + ": " + Garbage.quote("v\u0000") + "}";
            case "empty" -> way < 5 ? g.otherTypeThan("array") : "[{\"url\": " + Garbage.quote(g.weird()) + "}]";
            case "tracks" -> way < 4 ? g.otherTypeThan("array")
                    : way < 6
                            ? json(Collections.nCopies(field.max() + 1, Map.of("title", "t")))
                            : "[{\"title\": \"ok\"}, "
                                    + g.pick(List.of("{}", "{\"title\": 5}", "[]", "null", "{\"title\": \"\"}")) + "]";
            case "ids" -> way < 3 ? g.otherTypeThan("array")
                    : way < 5
                            ? "[\"a\", " + g.otherTypeThan("string") + "]"
                            : way < 6 ? "[" + Garbage.quote(g.longerThan(128)) + "]"
                                    : way < 8 ? "[" + Garbage.quote("{track_id}") + ", " + Garbage.quote("{track_id}") + "]"
                                            : tooManyIds(field.max() + 1);
            default -> throw new IllegalArgumentException(field.type());
        };
    }

    private static String manyArtists(int count) {
        Map<String, String> artists = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            artists.put("Artist " + i, "primary");
        }
        return json(artists);
    }

    private static String tooManyIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("id" + i);
        }
        return json(ids);
    }

    /** A path segment that names nothing: hostile text, dot segments included (refused, never resolved). */
    private static String pathId(Garbage g) {
        return switch (g.between(0, 3)) {
            case 0 -> g.longerThan(128);
            case 1 -> g.pick(List.of("00000000-0000-0000-0000-000000000000", "mtrack_0000000000000000",
                    "mcoll_ffffffffffffffff", "akid_0000000000000000", "-1", "0", "ﬀ", "%", ".", ".."));
            default -> g.weird();
        };
    }

    /** A value of a query parameter that its rule refuses. */
    private static String queryValue(Garbage g, String parameter) {
        return switch (parameter) {
            case "limit" -> g.pick(List.of("0", "-1", "501", "1e2", "ten", "2147483648", "9".repeat(30), "1.5", " 5",
                    g.weird()));
            case "page" -> g.pick(List.of("0", "-1", "21474837", "1e2", "ten", "9".repeat(30), "1.5", " 5", g.weird()));
            case "offset" -> g.pick(List.of("-1", "-2147483648", "x", "2147483648", "0x10", g.weird()));
            case "search" -> g.longerThan(256);
            case "collection_id" -> pathId(g);
            default -> g.chance(30) ? g.longerThan(64) : g.weird(); // status, format, type
        };
    }

    /** The text with the tenants' ids in place of their parameter names; {id} is a release or a key. */
    private String fill(String text, Surface surface) {
        String filled = text.replace("{id}", ids.get(surface == Surface.ADMIN ? "key" : "release"));
        for (var id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace(".", "%2E")
                .replace("*", "%2A");
    }

    private static String json(Object value) {
        try {
            return value instanceof Raw raw ? raw.json() : JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- sending and checking ----------------------------------------------------------------

    private Response send(Attack attack) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        if (attack.endpoint().releases()) {
            request.header("Authorization", "Bearer " + member.token());
        } else if (attack.endpoint().path().startsWith("/admin")) {
            request.header("X-Admin-Token", Api.ADMIN_TOKEN);
        } else {
            request.header("X-API-Key", caller.apiKey());
        }
        if (attack.body() != null) {
            // Rest Assured would encode bodies of other media types itself: send them as plain text.
            request.config(RestAssured.config().encoderConfig(
                    EncoderConfig.encoderConfig().encodeContentTypeAs(attack.contentType(), ContentType.TEXT)));
            request.contentType(attack.contentType()).body(attack.body().getBytes(StandardCharsets.UTF_8));
        }
        return request.request(attack.endpoint().method(), attack.path());
    }

    private void assertAnsweredInFormat(Attack attack, Response response) {
        String context = "seed " + SEED + ": " + attack + " → " + response.statusCode() + " " + response.asString();
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, context);
        assertFalse(INTERNALS.matcher(response.asString()).find(), context);
        JsonNode body;
        try {
            body = JSON.readTree(response.asString());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + context, e);
        }
        if (attack.endpoint().releases()) {
            assertEquals("error", body.path("status").asText(), context);
            assertFalse(body.path("message").asText().isBlank(), context);
        } else {
            assertFalse(body.path("success").asBoolean(true), context);
            assertEquals(response.statusCode(), body.at("/error/status").asInt(), context);
            assertFalse(body.at("/error/code").asText().isBlank(), context);
            assertEquals(response.header("X-Request-Id"), body.at("/error/trace_id").asText(), context);
        }
    }

    // ---- the data ------------------------------------------------------------------------------

    private List<String> collectionsData() throws SQLException {
        String org = caller.organizationId();
        List<String> rows = new ArrayList<>();
        rows.addAll(rows("SELECT * FROM tracks WHERE organization_id = ? ORDER BY id", org));
        rows.addAll(rows("SELECT * FROM collections WHERE organization_id = ? ORDER BY id", org));
        rows.addAll(rows("SELECT * FROM collection_tracks WHERE organization_id = ? ORDER BY collection_id, position", org));
        // The ids as text the server renders: the driver renders an array as it was transferred.
        rows.addAll(rows("SELECT collection_id, revision, changed_at, actor, change, CAST(track_ids AS text) "
                + "FROM collection_order_history WHERE organization_id = ? ORDER BY collection_id, revision", org));
        rows.addAll(rows("SELECT id, organization_id, user_id, name, created_at, revoked_at FROM api_keys "
                + "WHERE organization_id = ? ORDER BY id", org));
        return rows;
    }

    private List<String> releasesData() throws SQLException {
        String tenant = "(SELECT tenant_id FROM workspaces WHERE workspace = ?)";
        List<String> rows = new ArrayList<>();
        rows.addAll(rows("SELECT * FROM releases WHERE tenant_id = " + tenant + " ORDER BY id", member.workspace()));
        rows.addAll(rows("SELECT * FROM release_tracks WHERE tenant_id = " + tenant + " ORDER BY release_id, track_number",
                member.workspace()));
        rows.addAll(rows("SELECT * FROM release_order_history WHERE tenant_id = " + tenant + " ORDER BY release_id, revision",
                member.workspace()));
        return rows;
    }

    private List<String> rows(String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(result.getString(i)).append('|');
                    }
                    rows.add(row.toString());
                }
            }
            return rows;
        }
    }
}
