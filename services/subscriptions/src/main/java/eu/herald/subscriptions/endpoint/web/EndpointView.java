package eu.herald.subscriptions.endpoint.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.herald.subscriptions.endpoint.Endpoint;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An endpoint as the API shows it.
 *
 * @param address the email address, the push service URL or the webhook URL
 * @param secretVersion WEBHOOK: the rotation of its signing secret
 * @param secret WEBHOOK: the signing secret, only in the answer that created or rotated it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EndpointView(
        UUID id,
        UUID municipalityId,
        String channel,
        String address,
        String status,
        @Nullable String statusReason,
        @Nullable Integer secretVersion,
        @Nullable String secret,
        @Nullable Instant verifiedAt,
        Instant createdAt) {

    static EndpointView of(Endpoint endpoint) {
        return of(endpoint, null);
    }

    static EndpointView of(Endpoint endpoint, @Nullable String secret) {
        return new EndpointView(
                endpoint.id().value(),
                endpoint.municipalityId().value(),
                endpoint.channel().name(),
                endpoint.address(),
                endpoint.status().name(),
                endpoint.statusReason(),
                endpoint.secretVersion(),
                secret,
                endpoint.verifiedAt(),
                endpoint.createdAt());
    }
}
