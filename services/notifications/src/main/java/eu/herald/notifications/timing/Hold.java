package eu.herald.notifications.timing;

import java.time.Instant;

/** A notification that must not go out before {@code notBefore}, and why. */
public record Hold(Instant notBefore, Reason reason) {

    public enum Reason {
        /** The recipient's quiet window: held until it ends in the recipient's zone. */
        QUIET_HOURS
    }
}
