package io.trackorder.tracing;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.opentelemetry.runtime.config.runtime.exporter.OtlpExporterConfig;

/**
 * Keeps spans in the service while no collector is configured. Quarkus' OTLP exporter has no switch
 * of its own at run time: without an endpoint it sends to its default, {@code localhost:4317}, and
 * logs every failure. Quarkus leaves its exporter out when the application has a span exporter of its
 * own, so this one, which drops what it is given, exists exactly while the traces endpoint
 * ({@code quarkus.otel.exporter.otlp.traces.endpoint}, falling back to
 * {@code quarkus.otel.exporter.otlp.endpoint}) is Quarkus' default. Spans are still made: their trace
 * ids join logs, error bodies and callers' traces.
 */
@Singleton
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = OtlpExporterConfig.DEFAULT_GRPC_BASE_URI)
public class NoCollector implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
