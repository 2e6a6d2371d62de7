/**
 * Erasure over HTTP.
 */
@NullMarked
package eu.herald.subscriptions.erasure.web;

import org.jspecify.annotations.NullMarked;
