package eu.herald.notifications.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.EndpointId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryIdTests {

    private static final ChangeId CHANGE = new ChangeId(UUID.fromString("0b9e4c1a-6f1e-4d8a-9a53-2f7d1c3e5b10"));
    private static final EndpointId PLOCK = new EndpointId(UUID.fromString("9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a"));

    @Test
    void derivesTheIdFromChangeAndEndpoint() {
        UUID expected = UUID.nameUUIDFromBytes(
                "0b9e4c1a-6f1e-4d8a-9a53-2f7d1c3e5b10:9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a".getBytes(UTF_8));

        assertThat(DeliveryId.of(CHANGE, PLOCK).value()).isEqualTo(expected);
        assertThat(DeliveryId.of(CHANGE, PLOCK).value().version()).isEqualTo(3);
    }

    @Test
    void isTheSameEveryTimeForTheSameChangeAndEndpoint() {
        assertThat(DeliveryId.of(new ChangeId(CHANGE.value()), new EndpointId(PLOCK.value())))
                .isEqualTo(DeliveryId.of(CHANGE, PLOCK));
    }

    @Test
    void differsForAnotherEndpointOrAnotherChange() {
        EndpointId lublin = new EndpointId(UUID.fromString("ce5a12fa-a9d2-4a6c-8371-4cef4e78a50d"));
        ChangeId later = new ChangeId(UUID.fromString("1b9e4c1a-6f1e-4d8a-9a53-2f7d1c3e5b10"));

        assertThat(DeliveryId.of(CHANGE, lublin)).isNotEqualTo(DeliveryId.of(CHANGE, PLOCK));
        assertThat(DeliveryId.of(later, PLOCK)).isNotEqualTo(DeliveryId.of(CHANGE, PLOCK));
    }
}
