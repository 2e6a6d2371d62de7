package eu.herald.catalogue.event;

import java.util.UUID;

public record EventId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
