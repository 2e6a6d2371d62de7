package eu.herald.notifications.webhook;

import eu.herald.egress.CloudEvent;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.request.Digest;
import eu.herald.notifications.webhook.SessionChangeEvents.ChangeData;
import java.util.List;

/**
 * The body of a daily digest webhook: one CloudEvent {@code eu.herald.session.digest.v1} about the municipality
 * (its subject) whose data lists every change of the digest, each the data a single change event carries, so that a
 * receiver handles them alike. The contract is {@code contracts/webhooks.session-digest.v1}.
 */
final class DigestEvents {

    static final String TYPE = "eu.herald.session.digest.v1";

    private final SessionChangeEvents events;

    DigestEvents(SessionChangeEvents events) {
        this.events = events;
    }

    /** @param digestAt when the digest was due, e.g. {@code 2022-10-06T06:00:00Z} */
    record DigestData(String digestAt, List<ChangeData> changes) {}

    byte[] render(DeliveryId delivery, Digest digest) {
        List<ChangeData> changes = digest.changes().stream()
                .map(change -> events.data(change, digest.recipient()))
                .toList();
        return events.write(CloudEvent.of(
                delivery.toString(),
                TYPE,
                SessionChangeEvents.SOURCE,
                digest.recipient().municipalityId().toString(),
                digest.at(),
                new DigestData(digest.at().toString(), changes)));
    }
}
