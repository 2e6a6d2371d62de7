/** HTTP API of a municipality's endpoints. */
@NullMarked
package eu.herald.subscriptions.endpoint.web;

import org.jspecify.annotations.NullMarked;
