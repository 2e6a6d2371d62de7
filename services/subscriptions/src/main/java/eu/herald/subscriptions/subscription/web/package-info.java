/** HTTP API of a municipality's subscriptions. */
@NullMarked
package eu.herald.subscriptions.subscription.web;

import org.jspecify.annotations.NullMarked;
