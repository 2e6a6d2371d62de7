package eu.herald.notifications.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.regex.Pattern;

/** Guards against header injection: values either are single lines or are refused. */
final class HeaderValues {

    // CR, LF and the other C0/C1 controls, Unicode line and paragraph separators, and the character that marks
    // the per-recipient placeholders of a cached rendering (Placeholders), which data must never forge
    private static final Pattern BREAKS = Pattern.compile("[\\p{Cntrl}\\x80-\\x9F\\u2028\\u2029\\uE000]+");

    private HeaderValues() {}

    /** Text from data (a session title) made fit for a header: every line break becomes a space. */
    static String oneLine(String text) {
        return hasBreak(text) ? BREAKS.matcher(text).replaceAll(" ").strip() : text.strip();
    }

    /** The same characters as {@link #BREAKS}. */
    private static boolean hasBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uE000') {
                return true;
            }
        }
        return false;
    }

    /** Refuses a value with a line break or another control character. */
    static String requireSafe(String header, String value) {
        // checked for every header of every email: a plain scan, the pattern only where something is found
        if (hasBreak(value)) {
            throw new InvalidHeader(header + " contains a line break or a control character");
        }
        return value;
    }

    /** One RFC 5322 address (an optional display name and an addr-spec), strictly parsed. */
    static InternetAddress address(String header, String value) {
        requireSafe(header, value);
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new InvalidHeader(header + " is not a valid email address: " + e.getMessage(), e);
        }
    }
}
