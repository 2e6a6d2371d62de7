package eu.herald.notifications.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Guards against header injection: values either are single lines or are refused. */
final class HeaderValues {

    private HeaderValues() {}

    /** Text from data (a session title) made fit for a header: every run of line breaks becomes one space. */
    static String oneLine(String text) {
        if (!hasBreak(text)) {
            return text.strip();
        }
        StringBuilder line = new StringBuilder(text.length());
        boolean inBreak = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isBreak(c)) {
                line.append(c);
            } else if (!inBreak) {
                line.append(' ');
            }
            inBreak = isBreak(c);
        }
        return line.toString().strip();
    }

    private static boolean hasBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isBreak(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * CR, LF and the other C0/C1 controls, Unicode line and paragraph separators, and the character that marks the
     * per-recipient placeholders of a cached rendering (Placeholders), which data must never forge. Checked for
     * every header of every email: a plain comparison, no regular expression.
     */
    private static boolean isBreak(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uE000';
    }

    /** Refuses a value with a line break or another control character. */
    static String requireSafe(String header, String value) {
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
