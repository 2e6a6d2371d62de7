/**
 * The web push notifier (RFC 8030): the payload encrypted to the browser's keys (RFC 8291, {@code aes128gcm}), the
 * sender identified by a VAPID token (RFC 8292), with the JDK's own cryptography (ADR 0011).
 */
@NullMarked
package eu.herald.notifications.webpush;

import org.jspecify.annotations.NullMarked;
