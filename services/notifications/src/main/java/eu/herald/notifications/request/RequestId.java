package eu.herald.notifications.request;

import java.util.UUID;

public record RequestId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
