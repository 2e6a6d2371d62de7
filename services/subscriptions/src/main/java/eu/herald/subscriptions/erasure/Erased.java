package eu.herald.subscriptions.erasure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A municipality, or one of its endpoints, was erased: the message of {@code subscriptions.erasures.v1}.
 *
 * @param scope {@code MUNICIPALITY} (everything about it) or {@code ENDPOINT} (only {@code endpointIds})
 * @param endpointIds the endpoints erased: all of the municipality's, or the one
 */
public record Erased(UUID erasureId, String scope, UUID municipalityId, List<UUID> endpointIds, Instant erasedAt) {

    public static final String MUNICIPALITY_ERASED = "eu.herald.municipality.erased.v1";
    public static final String ENDPOINT_ERASED = "eu.herald.endpoint.erased.v1";

    /** The CloudEvents type. */
    public String type() {
        return scope.equals("MUNICIPALITY") ? MUNICIPALITY_ERASED : ENDPOINT_ERASED;
    }
}
