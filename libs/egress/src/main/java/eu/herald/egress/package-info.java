/**
 * Calls from Herald into systems it does not control: the SSRF guard that decides which addresses may be
 * reached, the derived webhook secrets and their Standard Webhooks signatures, and the HTTP client that posts
 * to webhooks through the guard. Used by the subscriptions service (registration, test pings) and the
 * notifications service (deliveries), so both sides apply the same rules and derive the same secrets.
 */
@NullMarked
package eu.herald.egress;

import org.jspecify.annotations.NullMarked;
