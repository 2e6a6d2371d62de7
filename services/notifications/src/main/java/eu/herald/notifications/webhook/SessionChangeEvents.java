package eu.herald.notifications.webhook;

import static java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.herald.egress.CloudEvent;
import eu.herald.notifications.delivery.DeliveryId;
import eu.herald.notifications.rendering.LocalTimes;
import eu.herald.notifications.rendering.PreviousTimes;
import eu.herald.notifications.request.ChangeId;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.NotificationRequest;
import eu.herald.notifications.request.Recipient;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * The body of a webhook: a CloudEvent 1.0 in structured mode ({@code application/cloudevents+json}) whose data is
 * the change as the municipality sees it: the session's snapshot, the fields that changed with their previous
 * values, and the times in the municipality's zone.
 *
 * <p>Writing the whole event per delivery took a tenth of the CPU of 100,000 webhooks, so what depends only on the
 * change is written once, what depends on the reader (zone and language: the local times) once per reader, and per
 * delivery only the event's id and the municipality, around those fragments; the same mapper writes them all, so the
 * body is byte for byte the whole event written at once.
 */
final class SessionChangeEvents {

    static final String SOURCE = "/herald/notifications";

    /** Changes whose fragments are kept: a fan-out in flight per consumer thread, with room for retries beside them. */
    private static final int CHANGES = 32;
    /** Zone and language pairs whose local times are kept per change (many municipalities share both). */
    private static final int READERS = 64;

    private final JsonMapper json;

    /**
     * Keyed by the change and what it tells (as the email renderings are): a delivery that superseded older ones tells
     * what changed since an earlier version.
     */
    private final Cache<Told, WrittenChange> written =
            Caffeine.newBuilder().maximumSize(CHANGES).build();

    private final AtomicLong writes = new AtomicLong();

    SessionChangeEvents(JsonMapper json) {
        this.json = json;
    }

    /**
     * What changed, for one municipality. Apart from the municipality, its parts are JSON written once per change
     * ({@code session}: a {@link Snapshot}; {@code changedFields}; {@code previous}) or once per change and reader
     * ({@code local} and {@code previousLocal}: {@link Local}s).
     */
    record ChangeData(
            String changeId,
            String kind,
            Municipality municipality,
            RawValue session,
            RawValue changedFields,
            RawValue previous,
            RawValue local,
            @Nullable RawValue previousLocal) {}

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

    record Municipality(String id, String name, String language, String timeZone) {

        static Municipality of(Recipient recipient) {
            return new Municipality(
                    recipient.municipalityId().toString(),
                    recipient.name(),
                    recipient.language().toLanguageTag(),
                    recipient.timeZone().getId());
        }
    }

    /**
     * Start and end in the municipality's zone: ISO 8601 with the offset, and as the municipality's emails write
     * them.
     */
    record Local(String timeZone, String start, String end, String text) {}

    /** How many fragments were written: once per change, and once per change and reader, whatever the deliveries. */
    long writes() {
        return writes.get();
    }

    private record Told(ChangeId change, ChangeKind kind, Map<String, @Nullable Object> previous) {}

    byte[] render(DeliveryId delivery, NotificationRequest request) {
        SessionChange change = request.change();
        Recipient recipient = request.recipient();
        WrittenChange fragments =
                written.get(new Told(change.id(), change.kind(), change.previous()), told -> write(change));
        WrittenTimes times = fragments.readers().get(reader(recipient), reader -> write(change, reader));
        return write(CloudEvent.of(
                delivery.toString(),
                fragments.type(),
                SOURCE,
                fragments.subject(),
                change.occurredAt(),
                data(fragments, times, recipient)));
    }

    /** Written afresh, not kept: a digest's change says what changed since its endpoint's last version. */
    ChangeData data(SessionChange change, Recipient recipient) {
        return data(write(change), write(change, reader(recipient)), recipient);
    }

    /** Any body of this channel, by the same mapper. */
    byte[] write(CloudEvent event) {
        return json.writeValueAsBytes(event);
    }

    private static Reader reader(Recipient recipient) {
        return new Reader(recipient.timeZone(), recipient.language());
    }

    private static ChangeData data(WrittenChange fragments, WrittenTimes times, Recipient recipient) {
        return new ChangeData(
                fragments.changeId(),
                fragments.kind(),
                Municipality.of(recipient),
                fragments.session(),
                fragments.changedFields(),
                fragments.previous(),
                times.local(),
                times.previousLocal());
    }

    /** The fragments of one change; its local times are written per reader when the first such reader comes. */
    private record WrittenChange(
            String changeId,
            String kind,
            String type,
            String subject,
            RawValue session,
            RawValue changedFields,
            RawValue previous,
            Cache<Reader, WrittenTimes> readers) {}

    /** All that the local times depend on besides the change. */
    private record Reader(ZoneId zone, Locale language) {}

    private record WrittenTimes(RawValue local, @Nullable RawValue previousLocal) {}

    private WrittenChange write(SessionChange change) {
        writes.incrementAndGet();
        Session session = change.session();
        return new WrittenChange(
                change.id().toString(),
                change.kind().name(),
                "eu.herald.session." + change.kind().name().toLowerCase(Locale.ROOT) + ".v1",
                session.id().toString(),
                raw(Snapshot.of(session)),
                raw(change.changedFields()),
                raw(change.previous()),
                Caffeine.newBuilder().maximumSize(READERS).build());
    }

    private WrittenTimes write(SessionChange change, Reader reader) {
        writes.incrementAndGet();
        LocalTimes times = LocalTimes.of(reader.zone(), reader.language());
        Session session = change.session();
        Local previous = previousLocal(times, reader.zone(), change);
        return new WrittenTimes(
                raw(local(times, reader.zone(), session.zone(), session.start(), session.end())),
                previous == null ? null : raw(previous));
    }

    /** JSON as this mapper writes it, encoded to UTF-8 here, so that each body only copies the bytes. */
    private RawValue raw(Object value) {
        SerializedString text = new SerializedString(json.writeValueAsString(value));
        text.asUnquotedUTF8(); // kept by the string
        return new RawValue(text);
    }

    /**
     * When the session was before a reschedule, in the municipality's zone: the old times read in the old zone, as
     * every channel reads them. Null when the time did not change.
     */
    static @Nullable Local previousLocal(LocalTimes times, ZoneId zone, SessionChange change) {
        PreviousTimes previous = PreviousTimes.of(change);
        return previous == null ? null : local(times, zone, previous.zone(), previous.start(), previous.end());
    }

    /** @param sessionZone the zone {@code start} and {@code end} are local to */
    static Local local(LocalTimes times, ZoneId zone, ZoneId sessionZone, LocalDateTime start, LocalDateTime end) {
        ZonedDateTime localStart = times.at(start, sessionZone);
        ZonedDateTime localEnd = times.at(end, sessionZone);
        return new Local(
                zone.getId(),
                ISO_OFFSET_DATE_TIME.format(localStart),
                ISO_OFFSET_DATE_TIME.format(localEnd),
                times.span(localStart, localEnd));
    }
}
