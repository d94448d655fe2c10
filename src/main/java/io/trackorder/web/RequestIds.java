package io.trackorder.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Gives every request an id before anything else runs: the client's {@code X-Request-Id} when it
 * is safe to echo, a fresh {@code req_…} otherwise. The id is written back onto the request
 * header (so error renderers read one place) and onto every response.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final int FIRST = Integer.MIN_VALUE;

    private final SecureRandom random = new SecureRandom();

    void install(@Observes Router router) {
        router.route().order(FIRST).handler(ctx -> {
            String id = effectiveId(ctx.request().getHeader(HEADER));
            ctx.request().headers().set(HEADER, id);
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        });
    }

    String effectiveId(String sent) {
        if (sent != null && CLIENT_ID.matcher(sent).matches()) {
            return sent;
        }
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }
}
