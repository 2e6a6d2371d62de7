package eu.herald.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What every service that traces sets the same way (docs/observability.md), as defaults below its own configuration
 * and the environment: one trace per change means every request and record is sampled; listeners continue the trace
 * a record's {@code traceparent} names; and the OTLP meter registry the OpenTelemetry starter brings stays off, since
 * metrics are scraped from {@code /actuator/prometheus} and, without a collector, it would only log failures. Spans
 * leave the process only when {@code management.opentelemetry.tracing.export.otlp.endpoint} is set.
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.tracing.sampling.probability", "1.0",
            "management.otlp.metrics.export.enabled", "false",
            "spring.kafka.listener.observation-enabled", "true");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
    }
}
