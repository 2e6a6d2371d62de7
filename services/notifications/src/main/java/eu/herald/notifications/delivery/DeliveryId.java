package eu.herald.notifications.delivery;

import static java.nio.charset.StandardCharsets.UTF_8;

import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.EndpointId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Derived from the change and the endpoint (a digest's from the endpoint and its time), so every instance that sees the same request agrees on it. */
public record DeliveryId(UUID value) {

    public static DeliveryId of(ChangeId change, EndpointId endpoint) {
        return new DeliveryId(UUID.nameUUIDFromBytes((change.value() + ":" + endpoint.value()).getBytes(UTF_8)));
    }

    /** A reminder {@code lead} before the session of a change starts, to one endpoint. */
    public static DeliveryId reminder(ChangeId change, EndpointId endpoint, Duration lead) {
        return new DeliveryId(UUID.nameUUIDFromBytes(
                (change.value() + ":" + endpoint.value() + ":reminder:" + lead).getBytes(UTF_8)));
    }

    /** The daily digest due at {@code at} for one endpoint. */
    public static DeliveryId digest(EndpointId endpoint, Instant at) {
        return new DeliveryId(UUID.nameUUIDFromBytes((endpoint.value() + ":digest:" + at).getBytes(UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
