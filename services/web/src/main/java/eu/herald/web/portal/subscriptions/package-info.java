/** What a municipality follows: themes, events and single sessions, by name, with change kinds and reminders. */
@NullMarked
package eu.herald.web.portal.subscriptions;

import org.jspecify.annotations.NullMarked;
