package eu.herald.subscriptions.subscription;

import eu.herald.subscriptions.municipality.MunicipalityId;
import eu.herald.subscriptions.problem.NotFound;

public class SubscriptionNotFound extends NotFound {

    public SubscriptionNotFound(MunicipalityId municipality, SubscriptionId subscription) {
        super("Municipality " + municipality + " has no subscription " + subscription + ".");
    }
}
