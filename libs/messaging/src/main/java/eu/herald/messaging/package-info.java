/** What the services' messaging shares: dead-lettering of the records a listener gives up on, and the outbox lag. */
@NullMarked
package eu.herald.messaging;

import org.jspecify.annotations.NullMarked;
