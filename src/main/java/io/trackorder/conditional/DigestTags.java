package io.trackorder.conditional;

import java.io.IOException;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Strong ETags for the reads that have no version of their own (lists, a catalogue track): the
 * body is serialised once here, a digest of those bytes is the {@code ETag}, and the same bytes
 * are sent, so the tag names exactly what the client received. {@code If-None-Match} naming it
 * answers 304 without a body. Reads that carry a version-based tag already are left alone.
 */
public class DigestTags {

    private final ObjectMapper json;

    public DigestTags(ObjectMapper json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!isRead(request.getMethod()) || response.getStatus() != Response.Status.OK.getStatusCode()
                || !response.hasEntity() || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
            return;
        }
        byte[] body = json.writeValueAsBytes(response.getEntity());
        EntityTag tag = EntityTag.ofBytes(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag.header());
        if (EntityTags.notModified(request.getHeaderString(EntityTags.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        } else {
            response.setEntity(body, response.getEntityAnnotations(), type);
        }
    }

    private static boolean isRead(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }
}
