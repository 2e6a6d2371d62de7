package eu.herald.notifications.erasure;

import eu.herald.notifications.request.EndpointId;
import eu.herald.notifications.request.MunicipalityId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A municipality, or one of its endpoints, was erased in subscriptions (GDPR): what this service holds about it
 * must go.
 *
 * @param endpointIds every endpoint the municipality had (MUNICIPALITY), or the one erased (ENDPOINT)
 */
public record Erasure(
        UUID erasureId, Scope scope, MunicipalityId municipalityId, List<EndpointId> endpointIds, Instant erasedAt) {

    public enum Scope {
        MUNICIPALITY,
        ENDPOINT
    }

    public Erasure {
        endpointIds = List.copyOf(endpointIds);
        if (scope == Scope.ENDPOINT && endpointIds.size() != 1) {
            throw new IllegalArgumentException("an endpoint's erasure names exactly one endpoint");
        }
    }
}
