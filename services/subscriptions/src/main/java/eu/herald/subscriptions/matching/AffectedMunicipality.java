package eu.herald.subscriptions.matching;

import java.util.List;

/** A municipality a change concerns, with every active endpoint it has; never without endpoints. */
record AffectedMunicipality(Recipient recipient, List<Destination> destinations) {

    AffectedMunicipality {
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("an affected municipality has at least one active endpoint");
        }
        destinations = List.copyOf(destinations);
    }
}
