/** iCalendar (RFC 5545) feeds of published sessions: per session, per event and per theme. */
@NullMarked
package eu.herald.catalogue.calendar;

import org.jspecify.annotations.NullMarked;
