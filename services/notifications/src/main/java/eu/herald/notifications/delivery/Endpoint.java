package eu.herald.notifications.delivery;

import org.jspecify.annotations.Nullable;

/** Where the recipient wants to hear about it; {@code address} is set for EMAIL. */
public record Endpoint(
        EndpointId id,
        Channel channel,
        @Nullable String address,
        @Nullable String unsubscribeUrl) {

    public Endpoint {
        if (channel == Channel.EMAIL && (address == null || address.isBlank())) {
            throw new IllegalArgumentException("an EMAIL endpoint needs an address");
        }
    }
}
