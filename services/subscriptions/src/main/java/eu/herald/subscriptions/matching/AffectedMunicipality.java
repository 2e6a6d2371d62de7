package eu.herald.subscriptions.matching;

import java.util.List;

/**
 * A municipality a change concerns, with every active endpoint it has; never without endpoints.
 *
 * @param reminders the lead times of its subscriptions the change matched, as ISO-8601 durations, longest first
 */
record AffectedMunicipality(Recipient recipient, List<Destination> destinations, List<String> reminders) {

    AffectedMunicipality {
        if (destinations.isEmpty()) {
            throw new IllegalArgumentException("an affected municipality has at least one active endpoint");
        }
        destinations = List.copyOf(destinations);
        reminders = List.copyOf(reminders);
    }
}
