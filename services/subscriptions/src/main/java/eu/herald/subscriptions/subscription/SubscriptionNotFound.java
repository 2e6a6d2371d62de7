package eu.herald.subscriptions.subscription;

import eu.herald.problems.NotFound;
import eu.herald.subscriptions.municipality.MunicipalityId;

public class SubscriptionNotFound extends NotFound {

    public SubscriptionNotFound(MunicipalityId municipality, SubscriptionId subscription) {
        super("Municipality " + municipality + " has no subscription " + subscription + ".");
    }
}
