package eu.herald.notifications.webhook;

import eu.herald.egress.CloudEvent;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.rendering.LocalTimes;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.webhook.SessionChangeEvents.Local;
import eu.herald.notifications.webhook.SessionChangeEvents.Municipality;
import eu.herald.notifications.webhook.SessionChangeEvents.Snapshot;
import java.time.Duration;

/**
 * The body of a reminder webhook: a CloudEvent {@code eu.herald.session.reminder.v1} whose data is the session as
 * the change events carry it, with how long before its start the reminder was asked for. Its time is when the
 * reminder was due, so that every attempt of one reminder posts the same body.
 */
final class ReminderEvents {

    static final String TYPE = "eu.herald.session.reminder.v1";

    private final SessionChangeEvents events;

    ReminderEvents(SessionChangeEvents events) {
        this.events = events;
    }

    /**
     * @param lead ISO 8601, e.g. {@code PT1H}
     * @param startsAt the session's start as an instant, e.g. {@code 2022-10-11T14:30:00Z}
     */
    record ReminderData(Municipality municipality, Snapshot session, Local local, String lead, String startsAt) {}

    byte[] render(DeliveryId delivery, NotificationRequest request, Duration lead) {
        Session session = request.change().session();
        Recipient recipient = request.recipient();
        LocalTimes times = LocalTimes.of(recipient.timeZone(), recipient.language());
        return events.write(CloudEvent.of(
                delivery.toString(),
                TYPE,
                SessionChangeEvents.SOURCE,
                session.id().toString(),
                session.startsAt().minus(lead),
                new ReminderData(
                        Municipality.of(recipient),
                        Snapshot.of(session),
                        SessionChangeEvents.local(
                                times, recipient.timeZone(), session.zone(), session.start(), session.end()),
                        lead.toString(),
                        session.startsAt().toString())));
    }
}
