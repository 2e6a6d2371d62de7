/**
 * The email notifier: renders a delivery for its recipient (language, time zone, what changed) and sends it over
 * SMTP with a Message-ID derived from the delivery id, telling permanent from transient failures.
 */
@NullMarked
package eu.herald.notifications.email;

import org.jspecify.annotations.NullMarked;
