/**
 * Web push in the browser: the VAPID public key browsers subscribe with, and the page and service worker that
 * subscribe a browser and register its push subscription as an endpoint of a municipality.
 */
@NullMarked
package eu.herald.subscriptions.webpush;

import org.jspecify.annotations.NullMarked;
