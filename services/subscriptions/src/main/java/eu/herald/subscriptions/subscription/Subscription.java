package eu.herald.subscriptions.subscription;

import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.municipality.MunicipalityId;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A municipality following a theme, an event or a session.
 *
 * @param changeKinds the kinds of change that notify; never empty
 * @param endpointIds the endpoints to notify; null means every active endpoint of the municipality
 * @param mutedEndpointIds endpoints unsubscribed from this subscription through a one-click link
 * @param language overrides the municipality's language for what this subscription brings; null for none
 * @param reminders how long before a session starts the municipality wants it recalled
 */
public record Subscription(
        SubscriptionId id,
        MunicipalityId municipalityId,
        Selector selector,
        Set<ChangeKind> changeKinds,
        @Nullable Set<EndpointId> endpointIds,
        Set<EndpointId> mutedEndpointIds,
        @Nullable String language,
        Reminders reminders,
        SubscriptionStatus status,
        Instant createdAt) {

    public Subscription {
        if (changeKinds.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one change kind");
        }
        changeKinds = Collections.unmodifiableSet(EnumSet.copyOf(changeKinds));
        endpointIds = endpointIds == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(endpointIds));
        mutedEndpointIds = Collections.unmodifiableSet(new LinkedHashSet<>(mutedEndpointIds));
    }

    /** The same subscription with other reminders. */
    Subscription remindingAt(Reminders reminders) {
        return new Subscription(
                id,
                municipalityId,
                selector,
                changeKinds,
                endpointIds,
                mutedEndpointIds,
                language,
                reminders,
                status,
                createdAt);
    }

    static Subscription start(
            MunicipalityId municipality,
            Selector selector,
            Set<ChangeKind> changeKinds,
            @Nullable Set<EndpointId> endpointIds,
            @Nullable String language,
            Reminders reminders,
            Clock clock) {
        return new Subscription(
                SubscriptionId.generate(),
                municipality,
                selector,
                changeKinds,
                endpointIds,
                Set.of(),
                language,
                reminders,
                SubscriptionStatus.ACTIVE,
                clock.instant());
    }
}
