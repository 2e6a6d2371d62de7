package eu.herald.notifications.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;

import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.EndpointId;
import java.util.UUID;

/** Derived from the change and the endpoint, so every instance that sees the same request agrees on it. */
public record DeliveryId(UUID value) {

    public static DeliveryId of(ChangeId change, EndpointId endpoint) {
        return new DeliveryId(UUID.nameUUIDFromBytes((change.value() + ":" + endpoint.value()).getBytes(UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
