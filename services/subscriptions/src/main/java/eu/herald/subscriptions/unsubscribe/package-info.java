/** One-click unsubscribe (RFC 8058): signed links per endpoint and subscription, honoured without login. */
@NullMarked
package eu.herald.subscriptions.unsubscribe;

import org.jspecify.annotations.NullMarked;
