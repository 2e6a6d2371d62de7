/** Municipalities, the tenants of the service, with their language, time zone and delivery preferences. */
@NullMarked
package eu.herald.subscriptions.municipality;

import org.jspecify.annotations.NullMarked;
