package eu.herald.notifications.email;

/**
 * Marks, in a rendering shared by many recipients, the parts filled in for each one. They are built around a
 * private-use character that {@link eu.herald.notifications.rendering.Values#singleLine} and {@link ICalendar} remove from every data value, so
 * that no text from the catalogue can pose as one.
 */
final class Placeholders {

    static final String RECIPIENT = "\uE000recipient\uE000";
    static final String UNSUBSCRIBE = "\uE000unsubscribe\uE000";
    static final String ATTENDEE = "\uE000attendee\uE000";

    private Placeholders() {}
}
