/** Where a municipality receives notifications: email addresses (double opt-in), web push subscriptions and webhooks. */
@NullMarked
package eu.herald.subscriptions.endpoint;

import org.jspecify.annotations.NullMarked;
