package eu.herald.notifications.timing;

import java.time.Instant;

/** A notification that must not go out before {@code notBefore}, and why. */
public record Hold(Instant notBefore, Reason reason) {

    public enum Reason {
        /** The recipient's quiet window: held until it ends in the recipient's zone. */
        QUIET_HOURS,
        /** The recipient reads a daily digest: held until its next digest, which it goes out in. */
        DAILY_DIGEST,
        /** A change soon after the session's previous one: held to the end of the window that change opened. */
        COALESCING
    }

    /** The later of two holds: the one a delivery must wait for. */
    Hold orLater(Hold other) {
        return other.notBefore.isAfter(notBefore) ? other : this;
    }
}
