package io.trackorder.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;

/**
 * Gives every request an id before anything else runs. The id is, in this order of precedence:
 * <ol>
 * <li>the client's {@code X-Request-Id} when it is safe to echo (the API promises to echo it), also put
 * into the MDC ({@value #CLIENT_LOG_KEY}) so that the client's id finds the request's log lines;</li>
 * <li>the trace id of the request's server span, which OpenTelemetry started before any handler: the
 * trace id of the caller's W3C {@code traceparent}, else a new one; OpenTelemetry also puts it into
 * the MDC ({@value #LOG_KEY}), so the request's log lines, errors and spans share it;</li>
 * <li>a fresh {@code req_…} when tracing is switched off ({@code quarkus.otel.sdk.disabled}), put into
 * the MDC here so that log lines still name their request.</li>
 * </ol>
 * The id is written back onto the request header (so error renderers read one place) and onto every
 * response.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key under which OpenTelemetry keeps the trace id; the log formats print it. */
    public static final String LOG_KEY = "traceId";
    /** The MDC key of a client's own request id. */
    public static final String CLIENT_LOG_KEY = "requestId";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

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
            SpanContext span = Span.current().getSpanContext();
            String id = effectiveId(ctx.request().getHeader(HEADER), span);
            ctx.request().headers().set(HEADER, id);
            ctx.response().putHeader(HEADER, id);
            // Each request runs on its own Vert.x duplicated context, where Quarkus keeps the MDC: the
            // id follows the request across its asynchronous steps and is gone with it.
            if (!span.isValid()) {
                MDC.put(LOG_KEY, id);
            } else if (!id.equals(span.getTraceId())) {
                MDC.put(CLIENT_LOG_KEY, id);
            }
            ctx.next();
        });
    }

    String effectiveId(String sentId, SpanContext span) {
        if (sentId != null && CLIENT_ID.matcher(sentId).matches()) {
            return sentId;
        }
        if (span.isValid()) {
            return span.getTraceId();
        }
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }
}
