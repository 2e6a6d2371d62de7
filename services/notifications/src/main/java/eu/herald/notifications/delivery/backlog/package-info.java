/** What waits in the delivery log, as operators watch it: deliveries by state and outcomes not yet published. */
@NullMarked
package eu.herald.notifications.delivery.backlog;

import org.jspecify.annotations.NullMarked;
