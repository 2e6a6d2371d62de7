/**
 * GDPR erasures from subscriptions applied to the delivery log: deliveries anonymised, stored requests deleted
 * or rewritten, and requests for what was erased left out of dispatch.
 */
@NullMarked
package eu.herald.notifications.erasure;

import org.jspecify.annotations.NullMarked;
