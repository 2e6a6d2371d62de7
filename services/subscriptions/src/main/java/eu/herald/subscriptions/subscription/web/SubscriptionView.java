package eu.herald.subscriptions.subscription.web;

import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.subscription.ChangeKind;
import eu.herald.subscriptions.subscription.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * @param endpointIds the endpoints used; null means every active endpoint
 * @param mutedEndpointIds endpoints unsubscribed from this subscription by a one-click link
 * @param reminders lead times before each session's start, normalised ISO-8601 durations, longest first
 */
record SubscriptionView(
        UUID id,
        UUID municipalityId,
        SelectorView selector,
        List<String> changeKinds,
        @Nullable List<UUID> endpointIds,
        List<UUID> mutedEndpointIds,
        @Nullable String language,
        List<String> reminders,
        String status,
        Instant createdAt) {

    record SelectorView(String type, String value) {}

    static SubscriptionView of(Subscription subscription) {
        Set<EndpointId> endpoints = subscription.endpointIds();
        return new SubscriptionView(
                subscription.id().value(),
                subscription.municipalityId().value(),
                new SelectorView(
                        subscription.selector().type().name(),
                        subscription.selector().value()),
                subscription.changeKinds().stream().map(ChangeKind::name).toList(),
                endpoints == null
                        ? null
                        : endpoints.stream().map(EndpointId::value).toList(),
                subscription.mutedEndpointIds().stream().map(EndpointId::value).toList(),
                subscription.language(),
                subscription.reminders().written(),
                subscription.status().name(),
                subscription.createdAt());
    }
}
