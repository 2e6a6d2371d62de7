/** Where a municipality receives notifications: email addresses now; web push subscriptions and webhooks later. */
@NullMarked
package eu.herald.subscriptions.endpoint;

import org.jspecify.annotations.NullMarked;
