/** HTTP API of a municipality's delivery history. */
@NullMarked
package eu.herald.subscriptions.history.web;

import org.jspecify.annotations.NullMarked;
