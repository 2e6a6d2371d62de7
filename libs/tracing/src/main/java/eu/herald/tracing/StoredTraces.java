package eu.herald.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Carries a trace across a hop that is not a call: work written down by one thread (an outbox row, a delivery) and
 * done later by another. The writer stores {@link #current()} with the row; the worker runs the work in {@link
 * #continued}, a span whose parent is the stored context, so the messages it sends and the calls it makes belong to
 * the trace of the request that caused them.
 *
 * <p>The context is stored as a W3C {@code traceparent}: 55 characters, readable by any tracer, and what the Kafka
 * headers carry anyway.
 */
public final class StoredTraces {

    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public StoredTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Storing nothing and continuing nothing, for code run without tracing (unit tests). */
    public static StoredTraces none() {
        return new StoredTraces(Tracer.NOOP, Propagator.NOOP);
    }

    /** The {@code traceparent} of the current span, to be stored with work done later; null when none is traced. */
    public @Nullable String current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs the work in a new span, the child of the stored context (a trace of its own when none was stored or it
     * is unreadable), and in its scope: what the work sends carries this trace, its log lines its ids.
     */
    public <T> T continued(@Nullable String traceparent, String spanName, Map<String, String> tags, Supplier<T> work) {
        Span.Builder builder = traceparent == null
                ? tracer.spanBuilder()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
        Span span = builder.name(spanName).start();
        tags.forEach(span::tag);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
