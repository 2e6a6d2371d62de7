package eu.herald.subscriptions.matching;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.UUID;

/**
 * The request to notify one municipality of one session change: the value of a record on {@code
 * subscriptions.notification-requests.v1}, self-contained so the notifiers never look anything up.
 *
 * @param requestId derived from the change and the municipality, so a change processed twice
 *     yields the same request and the notifiers can tell
 * @param change the change exactly as received
 * @param endpoints every active endpoint of the municipality
 */
public record NotificationRequested(
        UUID requestId, SessionChange change, Recipient recipient, List<Destination> endpoints) {

    static NotificationRequested of(SessionChange change, AffectedMunicipality affected) {
        Recipient recipient = affected.recipient();
        return new NotificationRequested(
                requestId(change.changeId(), recipient.municipalityId()), change, recipient, affected.destinations());
    }

    static UUID requestId(UUID changeId, UUID municipalityId) {
        return UUID.nameUUIDFromBytes((changeId + ":" + municipalityId).getBytes(UTF_8));
    }
}
