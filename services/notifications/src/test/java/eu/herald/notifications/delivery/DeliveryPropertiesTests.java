package eu.herald.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryPropertiesTests {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void acceptsAnInstanceAliveForAtLeastTwoHeartbeats() {
        assertThat(validator.validate(withLiveness(Duration.ofSeconds(5), Duration.ofSeconds(15))))
                .isEmpty();
        assertThat(validator.validate(withLiveness(Duration.ofSeconds(5), Duration.ofSeconds(10))))
                .isEmpty();
    }

    @Test
    void refusesALivenessOneLateHeartbeatWouldLetLapse() {
        Set<ConstraintViolation<DeliveryProperties>> violations =
                validator.validate(withLiveness(Duration.ofSeconds(5), Duration.ofSeconds(9)));
        assertThat(violations)
                .singleElement()
                .satisfies(violation -> assertThat(violation.getMessage()).contains("two heartbeats"));
        assertThat(validator.validate(withLiveness(Duration.ZERO, Duration.ofSeconds(15))))
                .hasSize(1);
    }

    private static DeliveryProperties withLiveness(Duration heartbeat, Duration aliveFor) {
        return new DeliveryProperties(
                List.of(Duration.ofSeconds(10)),
                0.2,
                Duration.ofSeconds(1),
                100,
                Duration.ofMinutes(5),
                heartbeat,
                aliveFor,
                4,
                Duration.ofHours(24));
    }
}
