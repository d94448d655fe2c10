package io.trackorder.conditional;

import java.util.function.Function;

import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;

/** A response body and the entity tag of the resource it describes, sent as {@code ETag}. */
public record Versioned<T>(T body, EntityTag tag) {

    /** The same tag on another body about the same resource (e.g. the body wrapped in a reply). */
    public <U> Versioned<U> map(Function<T, U> wrap) {
        return new Versioned<>(wrap.apply(body), tag);
    }

    public RestResponse<T> ok() {
        return respond(RestResponse.Status.OK);
    }

    public RestResponse<T> created() {
        return respond(RestResponse.Status.CREATED);
    }

    /**
     * A read: 304 without a body when {@code If-None-Match} names the current tag, else 200.
     *
     * @throws ApiException 400 for a malformed header
     */
    public RestResponse<T> read(String ifNoneMatch) {
        if (EntityTags.notModified(ifNoneMatch, tag)) {
            return RestResponse.ResponseBuilder.<T> notModified().header(HttpHeaders.ETAG, tag.header()).build();
        }
        return ok();
    }

    private RestResponse<T> respond(RestResponse.Status status) {
        return RestResponse.ResponseBuilder.create(status, body).header(HttpHeaders.ETAG, tag.header()).build();
    }
}
