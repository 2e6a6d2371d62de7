/** Signed, stateless tokens for the links this service hands out (email verification, one-click unsubscribe). */
@NullMarked
package eu.herald.subscriptions.signing;

import org.jspecify.annotations.NullMarked;
