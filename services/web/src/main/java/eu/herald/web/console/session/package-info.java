/**
 * One session: its details, publishing and cancelling it, and editing it with a preview (what recipients will be told
 * changed, how many it reaches) before the change is saved with the version that was read.
 */
@NullMarked
package eu.herald.web.console.session;

import org.jspecify.annotations.NullMarked;
