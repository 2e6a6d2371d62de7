package eu.herald.notifications.delivery;

import java.time.Instant;

/**
 * A delivery was taken over from an instance that held it and recorded no attempt (it died, hung, or its lease ran
 * out during a send): that instance may have sent it, so its receiver may get it twice, under the same delivery id.
 *
 * @param count how many times it was taken over
 * @param from the instance it was last taken from
 * @param at when
 */
public record Takeover(int count, String from, Instant at) {}
