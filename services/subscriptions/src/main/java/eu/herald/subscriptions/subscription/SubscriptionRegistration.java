package eu.herald.subscriptions.subscription;

import eu.herald.subscriptions.municipality.Municipalities;
import eu.herald.subscriptions.municipality.MunicipalityId;
import java.time.Clock;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts subscriptions of a municipality. */
@Service
public class SubscriptionRegistration {

    private final Municipalities municipalities;
    private final Subscriptions subscriptions;
    private final Clock clock;

    SubscriptionRegistration(Municipalities municipalities, Subscriptions subscriptions, Clock clock) {
        this.municipalities = municipalities;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** Follows the selector for the given kinds of change; following the same selector twice is a conflict. */
    @Transactional
    public Subscription subscribe(MunicipalityId municipality, Selector selector, Set<ChangeKind> changeKinds) {
        municipalities.require(municipality);
        if (subscriptions.follows(municipality, selector)) {
            throw new AlreadySubscribed(selector);
        }
        Subscription subscription = Subscription.start(municipality, selector, changeKinds, clock);
        try {
            subscriptions.add(subscription);
        } catch (DuplicateKeyException concurrentSubscription) {
            throw new AlreadySubscribed(selector);
        }
        return subscription;
    }
}
