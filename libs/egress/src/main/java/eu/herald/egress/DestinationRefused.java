package eu.herald.egress;

import java.net.UnknownHostException;

/**
 * The guard refuses a destination: a forbidden address, a malformed literal or a scheme that is not allowed.
 * An {@link UnknownHostException} so that the HTTP client's resolver can throw it and the connection is never
 * attempted.
 */
public class DestinationRefused extends UnknownHostException {

    public DestinationRefused(String reason) {
        super(reason);
    }

    /** Why, for a delivery's reason or a problem detail. */
    public String reason() {
        return String.valueOf(getMessage());
    }
}
