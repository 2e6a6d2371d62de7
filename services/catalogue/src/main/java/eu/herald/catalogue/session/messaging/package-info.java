/** Announces session changes on catalogue.session-changes.v1 as CloudEvents, through the outbox. */
@NullMarked
package eu.herald.catalogue.session.messaging;

import org.jspecify.annotations.NullMarked;
