package io.trackorder.web;

import org.jboss.resteasy.reactive.RestResponse;

import jakarta.ws.rs.core.HttpHeaders;

/** A response body and the revision of the list it describes, sent as {@code ETag: "<revision>"}. */
public record Versioned<T>(T body, long revision) {

    public static final String IF_NONE_MATCH_DESCRIPTION = """
            Optional. The `ETag` of an earlier response (e.g. `"3"`): while the revision is still that one the \
            answer is 304 Not Modified without a body.""";

    public RestResponse<T> ok() {
        return respond(RestResponse.Status.OK);
    }

    public RestResponse<T> created() {
        return respond(RestResponse.Status.CREATED);
    }

    /**
     * A read: 304 without a body when {@code If-None-Match} names the current revision (weak
     * comparison, RFC 9110 §13.1.2), else 200.
     *
     * @throws ApiException 400 for a malformed header
     */
    public RestResponse<T> read(String ifNoneMatch) {
        EntityTags.TagList known = EntityTags.parse(ifNoneMatch, "If-None-Match");
        if (known != null && known.contains(revision, true)) {
            return RestResponse.ResponseBuilder.<T> notModified().header(HttpHeaders.ETAG, EntityTags.of(revision)).build();
        }
        return ok();
    }

    private RestResponse<T> respond(RestResponse.Status status) {
        return RestResponse.ResponseBuilder.create(status, body).header(HttpHeaders.ETAG, EntityTags.of(revision)).build();
    }
}
