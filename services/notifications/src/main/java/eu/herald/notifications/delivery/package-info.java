/**
 * Deliveries: one per endpoint of a notification request, recorded in the delivery log under an id derived
 * from (change, endpoint) so that a redelivered request never sends twice, then handed to the notifier of
 * the endpoint's channel.
 */
@NullMarked
package eu.herald.notifications.delivery;

import org.jspecify.annotations.NullMarked;
