package eu.herald.notifications.email;

import eu.herald.notifications.rendering.Values;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Guards against header injection: values either are single lines ({@link Values#singleLine}) or are refused. */
final class HeaderValues {

    private HeaderValues() {}

    /** Refuses a value with a line break or another control character. */
    static String requireSafe(String header, String value) {
        if (Values.hasBreak(value)) {
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
