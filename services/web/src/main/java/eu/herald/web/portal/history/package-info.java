/** What was delivered to a municipality, or held, superseded or given up, newest first. */
@NullMarked
package eu.herald.web.portal.history;

import org.jspecify.annotations.NullMarked;
