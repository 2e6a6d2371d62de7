/** Consumes {@code notifications.delivery-outcomes.v1}. */
@NullMarked
package eu.herald.subscriptions.history.messaging;

import org.jspecify.annotations.NullMarked;
