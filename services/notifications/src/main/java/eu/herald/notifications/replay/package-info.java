/**
 * Operators' replays of DEAD deliveries, each audited: who asked, for what, when, and which deliveries moved.
 */
@NullMarked
package eu.herald.notifications.replay;

import org.jspecify.annotations.NullMarked;
