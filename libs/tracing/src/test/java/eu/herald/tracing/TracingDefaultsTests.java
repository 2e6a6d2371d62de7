package eu.herald.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TracingDefaultsTests {

    @Test
    void tracesEveryChangeUnlessTheServiceOrItsDeploymentSaysOtherwise() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(
                        new MapPropertySource("deployment", Map.of("management.tracing.sampling.probability", "0.1")));

        new TracingDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.1");
        assertThat(environment.getProperty("management.otlp.metrics.export.enabled"))
                .isEqualTo("false");
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled"))
                .isEqualTo("true");
    }

    @Test
    void samplesEveryTraceByDefault() {
        var environment = new StandardEnvironment();

        new TracingDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("1.0");
    }
}
