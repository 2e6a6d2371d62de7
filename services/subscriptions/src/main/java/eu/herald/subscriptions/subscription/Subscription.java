package eu.herald.subscriptions.subscription;

import eu.herald.subscriptions.municipality.MunicipalityId;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A municipality following a theme, an event or a session.
 *
 * @param changeKinds the kinds of change that notify; never empty
 */
public record Subscription(
        SubscriptionId id,
        MunicipalityId municipalityId,
        Selector selector,
        Set<ChangeKind> changeKinds,
        SubscriptionStatus status,
        Instant createdAt) {

    public Subscription {
        if (changeKinds.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one change kind");
        }
        changeKinds = Collections.unmodifiableSet(EnumSet.copyOf(changeKinds));
    }

    static Subscription start(
            MunicipalityId municipality, Selector selector, Set<ChangeKind> changeKinds, Clock clock) {
        return new Subscription(
                SubscriptionId.generate(),
                municipality,
                selector,
                changeKinds,
                SubscriptionStatus.ACTIVE,
                clock.instant());
    }
}
