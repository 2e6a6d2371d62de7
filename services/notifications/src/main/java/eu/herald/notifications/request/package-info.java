/**
 * A notification request as notifications reads it: the change (session snapshot, kind, previous values), the
 * recipient (name, language, zone, preferences) and its endpoints, with the typed ids every module uses.
 */
@NullMarked
package eu.herald.notifications.request;

import org.jspecify.annotations.NullMarked;
