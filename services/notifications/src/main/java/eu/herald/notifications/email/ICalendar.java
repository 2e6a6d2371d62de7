package eu.herald.notifications.email;

import eu.herald.calendar.CalendarEntry;
import eu.herald.calendar.CalendarEntry.Organizer;
import eu.herald.calendar.ICalendarWriter;
import eu.herald.calendar.Invitation;
import eu.herald.notifications.email.EmailMessage.CalendarPart;
import eu.herald.notifications.rendering.Values;
import eu.herald.notifications.request.ChangeKind;
import eu.herald.notifications.request.Session;
import eu.herald.notifications.request.SessionChange;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The calendar part of a mail: the request's session as an entry of the shared iCalendar writer, so that it has
 * the UID, SEQUENCE and VTIMEZONE of the catalogue's feeds. It is written once per rendering with a
 * {@link Placeholders#ATTENDEE} where each recipient's ATTENDEE goes; the placeholders' mark is removed from every
 * data value, so no text from the catalogue can pose as one.
 */
final class ICalendar {

    private ICalendar() {}

    /**
     * RFC 5545/5546: the same UID for every version of the session, SEQUENCE its version, REQUEST to add or move the
     * entry and CANCEL to remove it (the method the MIME part names too), local times with their TZID and a VTIMEZONE.
     */
    static Invitation invitation(SessionChange change, Locale language, String organizer) {
        return ICalendarWriter.invitation(entry(change, language, organizer));
    }

    /**
     * Several sessions published at once (RFC 5546 PUBLISH: no attendee, nothing to answer), the cancelled ones with
     * STATUS:CANCELLED; each entry as the session's own invitations write it, so that it updates theirs.
     */
    static CalendarPart publication(List<SessionChange> changes, Locale language, String organizer, String name) {
        List<CalendarEntry> entries = changes.stream()
                .map(change -> entry(change, language, organizer))
                .toList();
        // the method ICalendarWriter.feed writes
        return new CalendarPart("PUBLISH", ICalendarWriter.feed(Values.oneLine(name), entries));
    }

    /** The invitation not yet addressed to anyone: its ATTENDEE line is a placeholder. */
    static String template(Invitation invitation) {
        return invitation.head() + Placeholders.ATTENDEE + "\r\n" + invitation.tail();
    }

    /** The line that takes the place of {@link Placeholders#ATTENDEE} for one recipient. */
    static String attendee(String name, String address) {
        return Invitation.attendee(name, address);
    }

    private static CalendarEntry entry(SessionChange change, Locale language, String organizer) {
        Session session = change.session();
        String join = Values.webUrl(data(session.joinLink()));
        String venue = data(session.venue());
        return new CalendarEntry(
                session.id().toString(),
                session.version(),
                change.kind() == ChangeKind.CANCELLED ? CalendarEntry.Status.CANCELLED : CalendarEntry.Status.CONFIRMED,
                change.occurredAt(),
                null,
                session.start(),
                session.end(),
                session.zone(),
                Values.oneLine(session.title(language)),
                null,
                data(session.description(language)),
                venue != null && !venue.isBlank() ? Values.oneLine(venue) : join,
                join,
                List.of(),
                new Organizer("Herald", organizer));
    }

    private static @Nullable String data(@Nullable String value) {
        return value == null ? null : value.replace("\uE000", "");
    }
}
