package eu.herald.calendar;

/**
 * A scheduling message (RFC 5546) written once for every recipient of a change: only the ATTENDEE differs from one
 * recipient to the next, so it is added last, between {@code head} and {@code tail}.
 *
 * @param method REQUEST or CANCEL, for the MIME type's {@code method} parameter as well
 */
public record Invitation(String method, String head, String tail) {

    /** The whole message, addressed to one attendee. */
    public String to(String name, String address) {
        return head + attendee(name, address) + tail;
    }

    /** The ATTENDEE line of one recipient, folded and ended like every other line. */
    public static String attendee(String name, String address) {
        return new ContentLines()
                .property("ATTENDEE;CN=" + ContentLines.quoted(name) + ";RSVP=FALSE", "mailto:" + address)
                .toString();
    }
}
