package io.trackorder.conditional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/** The filter on plain request and response stand-ins: what it tags, what it leaves alone, when it answers 304. */
class DigestTagsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> ENTITY = Map.of("items", List.of("a", "b"));

    /** The response as the filter leaves it. */
    private static final class Response {
        int status;
        Object entity;
        MediaType type;
        final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        Response(int status, Object entity, MediaType type) {
            this.status = status;
            this.entity = entity;
            this.type = type;
        }

        ContainerResponseContext context() {
            return proxy(ContainerResponseContext.class, (name, args) -> switch (name) {
                case "getStatus" -> status;
                case "hasEntity" -> entity != null;
                case "getEntity" -> entity;
                case "getMediaType" -> type;
                case "getHeaders" -> headers;
                case "getEntityAnnotations" -> new Annotation[0];
                case "setStatus" -> {
                    status = (int) args[0];
                    yield null;
                }
                case "setEntity" -> {
                    entity = args[0];
                    if (args.length == 3) {
                        type = (MediaType) args[2];
                    }
                    yield null;
                }
                default -> throw new UnsupportedOperationException(name);
            });
        }
    }

    private interface Answer {
        Object of(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (self, method, args) -> answer.of(method.getName(), args)));
    }

    private static ContainerRequestContext request(String method, String ifNoneMatch) {
        Map<String, String> headers = new HashMap<>();
        if (ifNoneMatch != null) {
            headers.put(EntityTags.IF_NONE_MATCH, ifNoneMatch);
        }
        return proxy(ContainerRequestContext.class, (name, args) -> switch (name) {
            case "getMethod" -> method;
            case "getHeaderString" -> headers.get((String) args[0]);
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private static Response filtered(String method, String ifNoneMatch, Response response) throws Exception {
        new DigestTags(JSON).tag(request(method, ifNoneMatch), response.context());
        return response;
    }

    @Test
    void aJsonReadIsTaggedWithTheDigestOfTheBytesItSends() throws Exception {
        byte[] bytes = JSON.writeValueAsBytes(ENTITY);
        for (String method : List.of("GET", "HEAD")) {
            for (MediaType type : new MediaType[] { MediaType.APPLICATION_JSON_TYPE, null,
                    MediaType.valueOf("application/json;charset=UTF-8") }) {
                Response response = filtered(method, null, new Response(200, ENTITY, type));
                assertEquals(List.of(EntityTag.ofBytes(bytes).header()), response.headers.get("ETag"));
                assertEquals(200, response.status);
                assertArrayEquals(bytes, (byte[]) response.entity);
                assertEquals(type == null ? MediaType.APPLICATION_JSON_TYPE : type, response.type);
            }
        }
    }

    @Test
    void anIfNoneMatchNamingTheTagIs304WithoutABody() throws Exception {
        String tag = EntityTag.ofBytes(JSON.writeValueAsBytes(ENTITY)).header();
        for (String ifNoneMatch : List.of(tag, "W/" + tag, "\"other\", " + tag, "*")) {
            Response response = filtered("GET", ifNoneMatch, new Response(200, ENTITY, MediaType.APPLICATION_JSON_TYPE));
            assertEquals(304, response.status, ifNoneMatch);
            assertNull(response.entity, ifNoneMatch);
            assertEquals(List.of(tag), response.headers.get("ETag"));
        }
        Response other = filtered("GET", "\"other\"", new Response(200, ENTITY, MediaType.APPLICATION_JSON_TYPE));
        assertEquals(200, other.status);
        assertEquals(List.of(tag), other.headers.get("ETag"));
        ApiException malformed = assertThrows(ApiException.class,
                () -> filtered("GET", "other", new Response(200, ENTITY, MediaType.APPLICATION_JSON_TYPE)));
        assertEquals(ErrorCode.INVALID_REQUEST, malformed.code());
    }

    @Test
    void changesErrorsVersionedReadsAndOtherMediaTypesAreLeftAlone() throws Exception {
        List<Response> untouched = List.of(
                filtered("POST", null, new Response(200, ENTITY, MediaType.APPLICATION_JSON_TYPE)),
                filtered("PUT", "*", new Response(200, ENTITY, MediaType.APPLICATION_JSON_TYPE)),
                filtered("GET", null, new Response(201, ENTITY, MediaType.APPLICATION_JSON_TYPE)),
                filtered("GET", null, new Response(404, ENTITY, MediaType.APPLICATION_JSON_TYPE)),
                filtered("GET", null, new Response(200, null, MediaType.APPLICATION_JSON_TYPE)),
                filtered("GET", null, new Response(200, "text", MediaType.TEXT_PLAIN_TYPE)));
        for (Response response : untouched) {
            assertNull(response.headers.get("ETag"));
        }
        assertSame(ENTITY, untouched.get(0).entity);
        Response versioned = new Response(200, ENTITY, MediaType.APPLICATION_JSON_TYPE);
        versioned.headers.putSingle("ETag", "\"3.1\"");
        filtered("GET", "\"3.1\"", versioned);
        assertEquals(200, versioned.status);
        assertSame(ENTITY, versioned.entity);
        assertEquals(List.of("\"3.1\""), versioned.headers.get("ETag"));
    }
}
