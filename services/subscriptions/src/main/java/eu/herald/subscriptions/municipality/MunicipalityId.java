package eu.herald.subscriptions.municipality;

import java.util.UUID;

/** Identity of a municipality, the tenant every endpoint and subscription belongs to. */
public record MunicipalityId(UUID value) {

    public static MunicipalityId generate() {
        return new MunicipalityId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
