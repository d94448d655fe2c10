package io.trackorder.web;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.trackorder.errors.ApiException;
import io.trackorder.errors.ErrorCode;

/**
 * Request bodies are JSON, and JSON is UTF-8: the body reader decodes every body as UTF-8, whatever
 * charset its {@code Content-Type} names. A body declared in another charset
 * ({@code application/json; charset=latin1}) would be read as something it is not, so it is refused
 * with 415 before it is read. No charset, or UTF-8 under any of its names and spellings, is read.
 */
public class Utf8Bodies {

    @ServerRequestFilter
    public void refuseOtherCharsets(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !hasBody(request)) {
            return;
        }
        for (Map.Entry<String, String> parameter : type.getParameters().entrySet()) {
            if (parameter.getKey().equalsIgnoreCase(MediaType.CHARSET_PARAMETER) && !isUtf8(parameter.getValue())) {
                throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "Send the request body in UTF-8: charset=utf-8, or no charset");
            }
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    private static boolean isUtf8(String charset) {
        try {
            return Charset.forName(charset.replace("\"", "").trim()).equals(StandardCharsets.UTF_8);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return false;
        }
    }
}
