package eu.herald.subscriptions.endpoint.web;

import eu.herald.subscriptions.endpoint.Endpoint;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record EndpointView(
        UUID id,
        UUID municipalityId,
        String channel,
        String address,
        String status,
        @Nullable String statusReason,
        Instant createdAt) {

    static EndpointView of(Endpoint endpoint) {
        return new EndpointView(
                endpoint.id().value(),
                endpoint.municipalityId().value(),
                endpoint.channel().name(),
                endpoint.address(),
                endpoint.status().name(),
                endpoint.statusReason(),
                endpoint.createdAt());
    }
}
