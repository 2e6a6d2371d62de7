package eu.herald.notifications.webhook;

import eu.herald.egress.CloudEvent;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.rendering.LocalTimes;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import eu.herald.notifications.webhook.SessionChangeEvents.Local;
import eu.herald.notifications.webhook.SessionChangeEvents.Municipality;
import eu.herald.notifications.webhook.SessionChangeEvents.Snapshot;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook body as it was written before its fragments were kept: the whole CloudEvent, snapshot and local times
 * included, serialized at once for every delivery (the snapshot and the local times computed as before, by the same
 * functions). {@link SessionChangeEvents} must write the same bytes.
 */
final class WholeEvents {

    private final JsonMapper json;

    WholeEvents(JsonMapper json) {
        this.json = json;
    }

    record ChangeData(
            String changeId,
            String kind,
            Municipality municipality,
            Snapshot session,
            List<String> changedFields,
            Map<String, @Nullable Object> previous,
            Local local,
            @Nullable Local previousLocal) {}

    byte[] render(DeliveryId delivery, NotificationRequest request) {
        SessionChange change = request.change();
        Session session = change.session();
        Recipient recipient = request.recipient();
        LocalTimes times = LocalTimes.of(recipient.timeZone(), recipient.language());
        ChangeData data = new ChangeData(
                change.id().toString(),
                change.kind().name(),
                new Municipality(
                        recipient.municipalityId().toString(),
                        recipient.name(),
                        recipient.language().toLanguageTag(),
                        recipient.timeZone().getId()),
                Snapshot.of(session),
                change.changedFields(),
                change.previous(),
                SessionChangeEvents.local(times, recipient.timeZone(), session.zone(), session.start(), session.end()),
                SessionChangeEvents.previousLocal(times, recipient.timeZone(), change));
        return json.writeValueAsBytes(CloudEvent.of(
                delivery.toString(),
                "eu.herald.session." + change.kind().name().toLowerCase(Locale.ROOT) + ".v1",
                SessionChangeEvents.SOURCE,
                session.id().toString(),
                change.occurredAt(),
                data));
    }
}
