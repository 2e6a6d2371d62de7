/** HTTP side of web push: the key for browsers and the subscription page. */
@NullMarked
package eu.herald.subscriptions.webpush.web;

import org.jspecify.annotations.NullMarked;
