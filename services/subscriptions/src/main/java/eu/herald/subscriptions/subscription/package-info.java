/** What a municipality follows: a theme, an event or a single session, and which kinds of change. */
@NullMarked
package eu.herald.subscriptions.subscription;

import org.jspecify.annotations.NullMarked;
