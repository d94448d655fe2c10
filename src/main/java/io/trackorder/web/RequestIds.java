package io.trackorder.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;

/**
 * Gives every request an id before anything else runs, and puts it in every log line of the request
 * (MDC key {@value #LOG_KEY}). The id is, in this order of precedence:
 * <ol>
 * <li>the client's {@code X-Request-Id} when it is safe to echo (the API echoes it);</li>
 * <li>the trace id of a valid W3C {@code traceparent}, so the request's errors and logs join the caller's trace;</li>
 * <li>a fresh {@code req_…}.</li>
 * </ol>
 * The id is written back onto the request header (so error renderers read one place) and onto every
 * response. This is the whole of the service's trace correlation without quarkus-opentelemetry; that
 * extension reads {@code traceparent} and fills the MDC itself, and then only the
 * {@code X-Request-Id} part of this class stays.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    /** The MDC key quarkus-opentelemetry uses too, so log formats survive the switch. */
    public static final String LOG_KEY = "traceId";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    // W3C Trace Context, version 00: version-traceid-parentid-flags, lower-case hex only.
    private static final Pattern W3C_TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_PARENT_ID = "0".repeat(16);

    private final SecureRandom random = new SecureRandom();

    void install(@Observes Router router) {
        identify(router);
    }

    /** Health and metrics, on their own port, carry ids too: a probe's log lines can be told apart. */
    void installOnManagementInterface(@Observes ManagementInterface management) {
        identify(management.router());
    }

    private void identify(Router router) {
        router.route().order(RouteOrder.REQUEST_ID).handler(ctx -> {
            String id = effectiveId(ctx.request().getHeader(HEADER), ctx.request().getHeader(TRACEPARENT));
            ctx.request().headers().set(HEADER, id);
            ctx.response().putHeader(HEADER, id);
            // Each request runs on its own Vert.x duplicated context, where Quarkus keeps the MDC: the
            // id follows the request across its asynchronous steps and is gone with it.
            MDC.put(LOG_KEY, id);
            ctx.next();
        });
    }

    String effectiveId(String sentId, String traceparent) {
        if (sentId != null && CLIENT_ID.matcher(sentId).matches()) {
            return sentId;
        }
        String traceId = traceId(traceparent);
        if (traceId != null) {
            return traceId;
        }
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }

    /** The trace id of a valid version-00 {@code traceparent}; null for anything else, which is ignored. */
    static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Matcher parts = W3C_TRACEPARENT.matcher(traceparent);
        if (!parts.matches() || parts.group(1).equals(ZERO_TRACE_ID) || parts.group(2).equals(ZERO_PARENT_ID)) {
            return null;
        }
        return parts.group(1);
    }
}
