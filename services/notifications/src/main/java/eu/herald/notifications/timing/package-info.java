/**
 * Timing: when a notification may go out, decided in memory from the request and the time it is now, the same way
 * for every channel (today the recipient's quiet hours, which urgent changes bypass).
 */
@NullMarked
package eu.herald.notifications.timing;

import org.jspecify.annotations.NullMarked;
