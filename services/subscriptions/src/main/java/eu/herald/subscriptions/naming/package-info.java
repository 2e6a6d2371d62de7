/**
 * What the public pages call sessions, events and themes: the titles and event names of the sessions the matcher
 * has seen, in each language, and the picking of the text of one language.
 */
@NullMarked
package eu.herald.subscriptions.naming;

import org.jspecify.annotations.NullMarked;
