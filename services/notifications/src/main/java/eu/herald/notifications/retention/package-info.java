/**
 * Deletes what the delivery log holds past the retention period, in batches, on a schedule.
 */
@NullMarked
package eu.herald.notifications.retention;

import org.jspecify.annotations.NullMarked;
