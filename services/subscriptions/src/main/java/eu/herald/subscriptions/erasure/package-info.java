/**
 * Erasure (GDPR): a municipality, or one of its endpoints, and every row about it are deleted in one
 * transaction that also records the announcement for the other services in an outbox.
 */
@NullMarked
package eu.herald.subscriptions.erasure;

import org.jspecify.annotations.NullMarked;
