package eu.herald.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Gives the services their {@link StoredTraces}, after Boot's tracing. With tracing switched off
 * ({@code management.tracing.enabled=false}) there is no tracer, and nothing is stored or continued.
 */
@AutoConfiguration(after = MicrometerTracingAutoConfiguration.class)
public class TracingAutoConfiguration {

    @Bean
    StoredTraces storedTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new StoredTraces(
                tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
