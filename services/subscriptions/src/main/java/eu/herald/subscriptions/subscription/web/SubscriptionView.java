package eu.herald.subscriptions.subscription.web;

import eu.herald.subscriptions.subscription.ChangeKind;
import eu.herald.subscriptions.subscription.Subscription;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

record SubscriptionView(
        UUID id,
        UUID municipalityId,
        SelectorView selector,
        List<String> changeKinds,
        String status,
        Instant createdAt) {

    record SelectorView(String type, String value) {}

    static SubscriptionView of(Subscription subscription) {
        return new SubscriptionView(
                subscription.id().value(),
                subscription.municipalityId().value(),
                new SelectorView(
                        subscription.selector().type().name(),
                        subscription.selector().value()),
                subscription.changeKinds().stream().map(ChangeKind::name).toList(),
                subscription.status().name(),
                subscription.createdAt());
    }
}
