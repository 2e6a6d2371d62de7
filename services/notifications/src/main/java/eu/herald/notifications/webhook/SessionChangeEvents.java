package eu.herald.notifications.webhook;

import static java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import eu.herald.egress.CloudEvent;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.delivery.NotificationRequest;
import eu.herald.notifications.delivery.Recipient;
import eu.herald.notifications.delivery.Session;
import eu.herald.notifications.delivery.SessionChange;
import eu.herald.notifications.email.LocalTimes;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a webhook: a CloudEvent 1.0 in structured mode ({@code application/cloudevents+json}) whose data is
 * the change as the municipality sees it: the session's snapshot, the fields that changed with their previous
 * values, and the times in the municipality's zone.
 */
final class SessionChangeEvents {

    static final String SOURCE = "/herald/notifications";

    private final JsonMapper json;

    SessionChangeEvents(JsonMapper json) {
        this.json = json;
    }

    /** What changed, for one municipality. */
    record ChangeData(
            String changeId,
            String kind,
            Municipality municipality,
            Snapshot session,
            List<String> changedFields,
            Map<String, @Nullable Object> previous,
            Local local,
            @Nullable Local previousLocal) {}

    /** The session after the change; start and end local to {@code zone}, the session's own zone. */
    record Snapshot(
            String id,
            int version,
            @Nullable String status,
            @Nullable String defaultLanguage,
            Map<String, String> title,
            Map<String, String> description,
            String start,
            String end,
            String zone,
            @Nullable String format,
            @Nullable String venue,
            @Nullable String platform,
            @Nullable String joinLink,
            @Nullable String registrationLink,
            List<String> themes,
            @Nullable String cancellationReason) {

        static Snapshot of(Session session) {
            return new Snapshot(
                    session.id().toString(),
                    session.version(),
                    session.status(),
                    session.defaultLanguage(),
                    session.title(),
                    session.description(),
                    ISO_LOCAL_DATE_TIME.format(session.start()),
                    ISO_LOCAL_DATE_TIME.format(session.end()),
                    session.zone().getId(),
                    session.format(),
                    session.venue(),
                    session.platform(),
                    session.joinLink(),
                    session.registrationLink(),
                    session.themes(),
                    session.cancellationReason());
        }
    }

    record Municipality(String id, String name, String language, String timeZone) {}

    /**
     * Start and end in the municipality's zone: ISO 8601 with the offset, and as the municipality's emails write
     * them.
     */
    record Local(String timeZone, String start, String end, String text) {}

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
                local(times, recipient, session, session.start(), session.end()),
                previousLocal(times, recipient, change));
        return json.writeValueAsBytes(CloudEvent.of(
                delivery.toString(),
                "eu.herald.session." + change.kind().name().toLowerCase(Locale.ROOT) + ".v1",
                SOURCE,
                session.id().toString(),
                change.occurredAt(),
                data));
    }

    /** Where the session was before a reschedule, in the municipality's zone; null when the time did not change. */
    private static @Nullable Local previousLocal(LocalTimes times, Recipient recipient, SessionChange change) {
        Session session = change.session();
        Object start = change.previous().get("start");
        Object end = change.previous().get("end");
        if (!(start instanceof String) && !(end instanceof String)) {
            return null;
        }
        return local(
                times,
                recipient,
                session,
                start instanceof String text ? LocalDateTime.parse(text) : session.start(),
                end instanceof String text ? LocalDateTime.parse(text) : session.end());
    }

    private static Local local(
            LocalTimes times, Recipient recipient, Session session, LocalDateTime start, LocalDateTime end) {
        ZonedDateTime localStart = times.at(start, session.zone());
        ZonedDateTime localEnd = times.at(end, session.zone());
        return new Local(
                recipient.timeZone().getId(),
                ISO_OFFSET_DATE_TIME.format(localStart),
                ISO_OFFSET_DATE_TIME.format(localEnd),
                times.span(localStart, localEnd));
    }
}
