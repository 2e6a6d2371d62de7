package eu.herald.subscriptions.subscription;

import eu.herald.problems.InvalidInput;
import eu.herald.problems.Violation;
import eu.herald.subscriptions.SubscriptionsProperties;
import eu.herald.subscriptions.endpoint.EndpointId;
import eu.herald.subscriptions.endpoint.Endpoints;
import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.MunicipalityId;
import eu.herald.subscriptions.theme.Themes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts, changes and ends the subscriptions of a municipality. */
@Service
public class SubscriptionRegistration {

    private final Municipalities municipalities;
    private final Subscriptions subscriptions;
    private final Endpoints endpoints;
    private final Themes themes;
    private final SubscriptionsProperties properties;
    private final Clock clock;

    SubscriptionRegistration(
            Municipalities municipalities,
            Subscriptions subscriptions,
            Endpoints endpoints,
            Themes themes,
            SubscriptionsProperties properties,
            Clock clock) {
        this.municipalities = municipalities;
        this.subscriptions = subscriptions;
        this.endpoints = endpoints;
        this.themes = themes;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Follows the selector for the given kinds of change, through the given endpoints (null: all
     * active ones), optionally in another language. A THEME must be a current theme of the catalogue's
     * taxonomy; following the same selector twice is a conflict. The reminders recall each session it brings
     * that long before the session starts.
     */
    @Transactional
    public Subscription subscribe(
            MunicipalityId municipality,
            Selector selector,
            Set<ChangeKind> changeKinds,
            @Nullable Set<EndpointId> endpointIds,
            @Nullable String language,
            Reminders reminders) {
        municipalities.lock(municipality);
        List<Violation> errors = new ArrayList<>();
        if (selector.type() == SelectorType.THEME) {
            String problem = themes.problemWith(selector.value());
            if (problem != null) {
                errors.add(new Violation("selector.value", problem));
            }
        }
        checkEndpointsAndLanguage(municipality, endpointIds, language, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput("The subscription is invalid.", errors);
        }
        if (subscriptions.follows(municipality, selector)) {
            throw new AlreadySubscribed(selector);
        }
        int limit = properties.limits().subscriptions();
        if (subscriptions.count(municipality) >= limit) {
            throw new InvalidInput(
                    "selector", "the municipality already has the most subscriptions allowed (" + limit + ")");
        }
        Subscription subscription =
                Subscription.start(municipality, selector, changeKinds, endpointIds, language, reminders, clock);
        try {
            subscriptions.add(subscription);
        } catch (DuplicateKeyException concurrentSubscription) {
            throw new AlreadySubscribed(selector);
        }
        return subscription;
    }

    /** Replaces the change kinds, endpoints and language of a subscription; the selector and reminders stay. */
    @Transactional
    public Subscription change(
            MunicipalityId municipality,
            SubscriptionId id,
            Set<ChangeKind> changeKinds,
            @Nullable Set<EndpointId> endpointIds,
            @Nullable String language) {
        municipalities.lock(municipality);
        Subscription current =
                subscriptions.find(municipality, id).orElseThrow(() -> new SubscriptionNotFound(municipality, id));
        List<Violation> errors = new ArrayList<>();
        checkEndpointsAndLanguage(municipality, endpointIds, language, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput("The subscription is invalid.", errors);
        }
        Subscription changed = new Subscription(
                current.id(),
                municipality,
                current.selector(),
                changeKinds,
                endpointIds,
                current.mutedEndpointIds(),
                language,
                current.reminders(),
                current.status(),
                current.createdAt());
        subscriptions.change(changed);
        return changed;
    }

    /** Replaces the reminders of a subscription; nothing else of it changes. */
    @Transactional
    public Subscription remind(MunicipalityId municipality, SubscriptionId id, Reminders reminders) {
        municipalities.lock(municipality);
        Subscription changed = subscriptions
                .find(municipality, id)
                .orElseThrow(() -> new SubscriptionNotFound(municipality, id))
                .remindingAt(reminders);
        subscriptions.remind(changed);
        return changed;
    }

    @Transactional
    public void end(MunicipalityId municipality, SubscriptionId id) {
        municipalities.require(municipality);
        if (!subscriptions.remove(municipality, id)) {
            throw new SubscriptionNotFound(municipality, id);
        }
    }

    private void checkEndpointsAndLanguage(
            MunicipalityId municipality,
            @Nullable Set<EndpointId> endpointIds,
            @Nullable String language,
            List<Violation> errors) {
        if (endpointIds != null) {
            for (EndpointId endpoint : endpointIds) {
                if (endpoints.find(municipality, endpoint).isEmpty()) {
                    errors.add(new Violation("endpointIds", "the municipality has no endpoint " + endpoint));
                }
            }
        }
        if (language != null && !properties.languages().contains(language)) {
            errors.add(new Violation("language", "must be one of " + String.join(", ", properties.languages())));
        }
    }
}
