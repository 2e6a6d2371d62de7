/**
 * Deliveries: one per endpoint of a notification request, recorded in the delivery log under an id derived
 * from (change, endpoint) so that a redelivered request never sends twice, then handed to the notifier of
 * the endpoint's channel and retried on its schedule. Holds the ports the others implement: {@link eu.herald.notifications.delivery.Notifier} (the channels) and
 * {@link eu.herald.notifications.delivery.ErasedRecipients} (erasures).
 */
@NullMarked
package eu.herald.notifications.delivery;

import org.jspecify.annotations.NullMarked;
