/** A municipality's delivery history and endpoint health, from the outcomes the notifications service publishes. */
@NullMarked
package eu.herald.subscriptions.history;

import org.jspecify.annotations.NullMarked;
