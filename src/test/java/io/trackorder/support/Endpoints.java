package io.trackorder.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every endpoint the service serves, as its OpenAPI document names it. The tests that must reach
 * every endpoint (the security matrix, the hostile-input properties, the access tests) take their
 * endpoints from here, and {@code EndpointsTest} holds this list equal to the served document, so
 * a new endpoint fails those tests until each says what it expects of it.
 */
public final class Endpoints {

    /** How a surface's callers prove who they are, by the document's security scheme name. */
    public enum Auth {
        API_KEY("apiKey"),
        BEARER("bearerAuth"),
        ADMIN_TOKEN("adminToken");

        private final String scheme;

        Auth(String scheme) {
            this.scheme = scheme;
        }

        public String scheme() {
            return scheme;
        }
    }

    public enum Surface {
        COLLECTIONS(Auth.API_KEY),
        RELEASES(Auth.BEARER),
        ADMIN(Auth.ADMIN_TOKEN);

        private final Auth auth;

        Surface(Auth auth) {
            this.auth = auth;
        }

        public Auth auth() {
            return auth;
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** One operation: its id, method and path template exactly as in the document. */
    public record Endpoint(String operationId, String method, String path, Surface surface) {

        /** Whether a successful call changes data: everything but a read. */
        public boolean changesData() {
            return !method.equals("GET");
        }

        /** The path parameters, in the order they appear. */
        public List<String> parameters() {
            List<String> names = new ArrayList<>();
            Matcher matcher = PARAMETER.matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        /** The path with every parameter replaced by its value, as given (not encoded). */
        public String path(Map<String, String> values) {
            String filled = path;
            for (String name : parameters()) {
                String value = values.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + name + "} of " + this);
                }
                filled = filled.replace("{" + name + "}", value);
            }
            return filled;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String MUSIC = "/v1/music/{organization_id}";

    public static final Endpoint CREATE_TRACK = collections("createTrack", "POST", "/tracks");
    public static final Endpoint LIST_TRACKS = collections("listTracks", "GET", "/tracks");
    public static final Endpoint GET_TRACK = collections("getTrack", "GET", "/tracks/{track_id}");
    public static final Endpoint DELETE_TRACK = collections("deleteTrack", "DELETE", "/tracks/{track_id}");
    public static final Endpoint CREATE_COLLECTION = collections("createCollection", "POST", "/collections");
    public static final Endpoint LIST_COLLECTIONS = collections("listCollections", "GET", "/collections");
    public static final Endpoint GET_COLLECTION = collections("getCollection", "GET", "/collections/{collection_id}");
    public static final Endpoint UPDATE_COLLECTION = collections("updateCollection", "PATCH",
            "/collections/{collection_id}");
    public static final Endpoint DELETE_COLLECTION = collections("deleteCollection", "DELETE",
            "/collections/{collection_id}");
    public static final Endpoint LIST_COLLECTION_TRACKS = collections("listCollectionTracks", "GET",
            "/collections/{collection_id}/tracks");
    public static final Endpoint ADD_COLLECTION_TRACK = collections("addCollectionTrack", "POST",
            "/collections/{collection_id}/tracks");
    public static final Endpoint REMOVE_COLLECTION_TRACK = collections("removeCollectionTrack", "DELETE",
            "/collections/{collection_id}/tracks/{track_id}");
    public static final Endpoint REORDER_COLLECTION = collections("reorderCollection", "PATCH",
            "/collections/{collection_id}/order");
    public static final Endpoint MOVE_COLLECTION_TRACKS = collections("moveCollectionTracks", "POST",
            "/collections/{collection_id}/order/moves");
    public static final Endpoint LIST_COLLECTION_ORDER_HISTORY = collections("listCollectionOrderHistory", "GET",
            "/collections/{collection_id}/order/history");
    public static final Endpoint GET_COLLECTION_ORDER_HISTORY_ENTRY = collections("getCollectionOrderHistoryEntry",
            "GET", "/collections/{collection_id}/order/history/{revision}");
    public static final Endpoint RESTORE_COLLECTION_ORDER = collections("restoreCollectionOrder", "POST",
            "/collections/{collection_id}/order/restore");

    public static final Endpoint CREATE_RELEASE = releases("createRelease", "POST", "/releases");
    public static final Endpoint LIST_RELEASES = releases("listReleases", "GET", "/releases");
    public static final Endpoint GET_RELEASE = releases("getRelease", "GET", "/releases/{id}");
    public static final Endpoint UPDATE_RELEASE = releases("updateRelease", "PUT", "/releases/{id}");
    public static final Endpoint DELETE_RELEASE = releases("deleteRelease", "DELETE", "/releases/{id}");
    public static final Endpoint SUBMIT_RELEASE = releases("submitRelease", "POST", "/releases/{id}/submit");
    public static final Endpoint REVIEW_RELEASE = releases("reviewRelease", "POST", "/releases/{id}/review");
    public static final Endpoint LIST_RELEASE_TRACKS = releases("listReleaseTracks", "GET", "/releases/{id}/tracks");
    public static final Endpoint ADD_RELEASE_TRACK = releases("addReleaseTrack", "POST", "/releases/{id}/tracks");
    public static final Endpoint UPDATE_RELEASE_TRACK = releases("updateReleaseTrack", "PUT",
            "/releases/{id}/tracks/{trackId}");
    public static final Endpoint REMOVE_RELEASE_TRACK = releases("removeReleaseTrack", "DELETE",
            "/releases/{id}/tracks/{trackId}");
    public static final Endpoint REORDER_RELEASE_TRACKS = releases("reorderReleaseTracks", "POST",
            "/releases/{id}/tracks/reorder");

    public static final Endpoint MOVE_RELEASE_TRACKS = releases("moveReleaseTracks", "POST", "/releases/{id}/tracks/move");
    public static final Endpoint LIST_RELEASE_TRACK_HISTORY = releases("listReleaseTrackHistory", "GET",
            "/releases/{id}/tracks/history");
    public static final Endpoint GET_RELEASE_TRACK_HISTORY_ENTRY = releases("getReleaseTrackHistoryEntry", "GET",
            "/releases/{id}/tracks/history/{revision}");
    public static final Endpoint RESTORE_RELEASE_TRACK_ORDER = releases("restoreReleaseTrackOrder", "POST",
            "/releases/{id}/tracks/restore");

    public static final Endpoint ISSUE_API_KEY = new Endpoint("issueApiKey", "POST", "/admin/api-keys", Surface.ADMIN);
    public static final Endpoint REVOKE_API_KEY = new Endpoint("revokeApiKey", "DELETE", "/admin/api-keys/{id}",
            Surface.ADMIN);

    public static final List<Endpoint> ALL = List.of(CREATE_TRACK, LIST_TRACKS, GET_TRACK, DELETE_TRACK,
            CREATE_COLLECTION, LIST_COLLECTIONS, GET_COLLECTION, UPDATE_COLLECTION, DELETE_COLLECTION,
            LIST_COLLECTION_TRACKS, ADD_COLLECTION_TRACK, REMOVE_COLLECTION_TRACK, REORDER_COLLECTION,
            MOVE_COLLECTION_TRACKS, LIST_COLLECTION_ORDER_HISTORY, GET_COLLECTION_ORDER_HISTORY_ENTRY,
            RESTORE_COLLECTION_ORDER,
            CREATE_RELEASE, LIST_RELEASES, GET_RELEASE, UPDATE_RELEASE, DELETE_RELEASE, SUBMIT_RELEASE,
            REVIEW_RELEASE, LIST_RELEASE_TRACKS, ADD_RELEASE_TRACK, UPDATE_RELEASE_TRACK, REMOVE_RELEASE_TRACK,
            REORDER_RELEASE_TRACKS, ISSUE_API_KEY, REVOKE_API_KEY,
            MOVE_RELEASE_TRACKS, LIST_RELEASE_TRACK_HISTORY, GET_RELEASE_TRACK_HISTORY_ENTRY, RESTORE_RELEASE_TRACK_ORDER);

    private Endpoints() {
    }

    /** The endpoints of one surface, in the order of {@link #ALL}. */
    public static List<Endpoint> of(Surface surface) {
        return ALL.stream().filter(endpoint -> endpoint.surface() == surface).toList();
    }

    private static Endpoint collections(String operationId, String method, String path) {
        return new Endpoint(operationId, method, MUSIC + path, Surface.COLLECTIONS);
    }

    private static Endpoint releases(String operationId, String method, String path) {
        return new Endpoint(operationId, method, path, Surface.RELEASES);
    }
}
