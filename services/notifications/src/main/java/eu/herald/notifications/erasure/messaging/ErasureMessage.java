package eu.herald.notifications.erasure.messaging;

import eu.herald.notifications.delivery.messaging.UnreadableRequest;
import eu.herald.notifications.erasure.Erasure;
import eu.herald.notifications.erasure.Erasure.Scope;
import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.MunicipalityId;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of {@code subscriptions.erasures.v1} as it is on the wire (contracts/subscriptions.erasures.v1): every
 * property optional and a string, so that reading it never depends on the producer's Java types; {@link #toErasure()}
 * checks what the schema requires and names the first property that is wrong.
 */
record ErasureMessage(
        @Nullable String erasureId,
        @Nullable String scope,
        @Nullable String municipalityId,
        @Nullable List<@Nullable String> endpointIds,
        @Nullable String erasedAt) {

    Erasure toErasure() {
        UUID id = uuid("erasureId", erasureId);
        Scope erased;
        try {
            erased = Scope.valueOf(required("scope", scope));
        } catch (IllegalArgumentException e) {
            throw new UnreadableRequest("scope must be MUNICIPALITY or ENDPOINT, not " + scope);
        }
        MunicipalityId municipality = new MunicipalityId(uuid("municipalityId", municipalityId));
        if (endpointIds == null) {
            throw new UnreadableRequest("endpointIds is missing");
        }
        List<EndpointId> endpoints = new ArrayList<>(endpointIds.size());
        for (String endpoint : endpointIds) {
            endpoints.add(new EndpointId(uuid("endpointIds", endpoint)));
        }
        if (erased == Scope.ENDPOINT && endpoints.size() != 1) {
            throw new UnreadableRequest("an ENDPOINT erasure names exactly one endpoint in endpointIds");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(required("erasedAt", erasedAt)).toInstant();
        } catch (DateTimeException e) {
            throw new UnreadableRequest("erasedAt is not an RFC 3339 date-time: " + erasedAt);
        }
        return new Erasure(id, erased, municipality, endpoints, at);
    }

    private static String required(String property, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new UnreadableRequest(property + " is missing");
        }
        return value;
    }

    private static UUID uuid(String property, @Nullable String value) {
        try {
            return UUID.fromString(required(property, value));
        } catch (IllegalArgumentException e) {
            throw new UnreadableRequest(property + " is not a UUID: " + value);
        }
    }
}
