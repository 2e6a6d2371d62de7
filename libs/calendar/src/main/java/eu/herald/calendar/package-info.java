/** The one iCalendar (RFC 5545/5546) writer of Herald: a session as a calendar entry, in a feed or an invitation. */
@NullMarked
package eu.herald.calendar;

import org.jspecify.annotations.NullMarked;
