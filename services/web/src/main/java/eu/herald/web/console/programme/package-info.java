/** The programme: events, searchable by name, and each event's sessions, searchable by title. */
@NullMarked
package eu.herald.web.console.programme;

import org.jspecify.annotations.NullMarked;
