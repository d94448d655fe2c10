package io.trackorder.support;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import jakarta.inject.Singleton;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The spans the application finishes while a test captures them: a span exporter of the tested
 * application (a {@code @QuarkusTest} runs the test classes' beans too), which keeps spans in memory
 * only between {@link #start()} and {@link #close()}, so that the rest of the suite's spans are not
 * kept. Inject it into the test and capture with try-with-resources.
 */
@Singleton
public class SpanCapture implements SpanExporter, AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final AttributeKey<String> DB_STATEMENT = AttributeKey.stringKey("db.statement");

    private final InMemorySpanExporter memory = InMemorySpanExporter.create();
    private volatile boolean capturing;

    public SpanCapture start() {
        memory.reset();
        capturing = true;
        return this;
    }

    /**
     * The captured spans of a trace, once {@code complete} holds for them: a server span ends after its
     * response has gone out and is exported in batches, so the spans come a moment after the response.
     */
    public List<SpanData> trace(String traceId, Predicate<List<SpanData>> complete) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<SpanData> spans = memory.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId)).toList();
            if (complete.test(spans)) {
                return spans;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("trace " + traceId + " incomplete after " + PATIENCE + ": " + spans);
            }
            Thread.sleep(50);
        }
    }

    /**
     * The SQL of every statement a request sent (one client span each; the begin and commit of a
     * transaction Hibernate Reactive runs have none), in the order they started, once the request's
     * server span has ended.
     */
    public List<String> statements(String traceId) throws InterruptedException {
        return statementSpans(traceId).stream().map(SpanCapture::statement).toList();
    }

    /** The spans of {@link #statements}, in the same order. */
    public List<SpanData> statementSpans(String traceId) throws InterruptedException {
        return trace(traceId, spans -> spans.stream().anyMatch(span -> span.getKind() == SpanKind.SERVER)).stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT && statement(span) != null)
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .toList();
    }

    public static String statement(SpanData span) {
        return span.getAttributes().get(DB_STATEMENT);
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return capturing ? memory.export(spans) : CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public void close() {
        capturing = false;
        memory.reset();
    }
}
