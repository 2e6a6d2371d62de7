/** Dead deliveries with their replay, and the audit trail of the operators' writes and replays. */
@NullMarked
package eu.herald.web.console.deliveries;

import org.jspecify.annotations.NullMarked;
