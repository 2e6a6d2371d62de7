/**
 * The operators' audit trail: every write to a session, event or theme records who made it, when, and the
 * versions before and after, in the same transaction as the write.
 */
@NullMarked
package eu.herald.catalogue.audit;

import org.jspecify.annotations.NullMarked;
