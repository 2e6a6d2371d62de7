/**
 * Channel-neutral wording of a change for one reader: texts in the reader's language, times in the reader's
 * zone, what changed with its previous values, and a short notice; used by email, web push and webhooks alike.
 */
@NullMarked
package eu.herald.notifications.rendering;

import org.jspecify.annotations.NullMarked;
