/**
 * The relay of the erasure outbox to subscriptions.erasures.v1.
 */
@NullMarked
package eu.herald.subscriptions.erasure.messaging;

import org.jspecify.annotations.NullMarked;
