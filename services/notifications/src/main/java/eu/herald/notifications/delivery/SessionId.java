package eu.herald.notifications.delivery;

import java.util.UUID;

public record SessionId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
