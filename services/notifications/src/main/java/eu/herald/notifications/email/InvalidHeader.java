package eu.herald.notifications.email;

/** A value that must not go into a mail header: a line break in it would let it add headers of its own. */
class InvalidHeader extends IllegalArgumentException {

    InvalidHeader(String message) {
        super(message);
    }

    InvalidHeader(String message, Throwable cause) {
        super(message, cause);
    }
}
