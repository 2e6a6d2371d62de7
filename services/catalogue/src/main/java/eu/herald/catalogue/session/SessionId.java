package eu.herald.catalogue.session;

import java.util.UUID;

public record SessionId(UUID value) {

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
