package eu.herald.subscriptions.endpoint;

import java.util.UUID;

public record EndpointId(UUID value) {

    public static EndpointId generate() {
        return new EndpointId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
