package eu.herald.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoredTracesTests {

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("tests");
    private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {});
    private final StoredTraces traces = new StoredTraces(
            tracer, new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void continuesTheStoredTraceAsAChildOfTheSpanThatStoredIt() {
        Span request = tracer.nextSpan().name("request").start();
        String stored;
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            stored = traces.current();
        } finally {
            request.end();
        }
        assertThat(stored)
                .startsWith("00-" + request.context().traceId() + "-"
                        + request.context().spanId());

        Span relayed = traces.continued(stored, "relay", Map.of("herald.delivery_id", "d-1"), tracer::currentSpan);

        assertThat(Objects.requireNonNull(relayed).context().traceId())
                .isEqualTo(request.context().traceId());
        assertThat(relayed.context().parentId()).isEqualTo(request.context().spanId());
        assertThat(tracer.currentSpan()).as("the scope ends with the work").isNull();
    }

    @Test
    void startsATraceOfItsOwnWhenNoneWasStored() {
        Span relayed = traces.continued(null, "relay", Map.of(), tracer::currentSpan);

        assertThat(Objects.requireNonNull(relayed).context().parentId()).isNull();
        assertThat(relayed.context().traceId()).hasSize(32);
    }

    @Test
    void storesNothingOutsideATrace() {
        assertThat(traces.current()).isNull();
        assertThat(StoredTraces.none().continued("00-x", "relay", Map.of(), () -> "done"))
                .isEqualTo("done");
    }
}
