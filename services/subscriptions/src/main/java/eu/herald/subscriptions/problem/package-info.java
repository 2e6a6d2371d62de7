/** RFC 9457 problem details for every HTTP error of the service. */
@NullMarked
package eu.herald.subscriptions.problem;

import org.jspecify.annotations.NullMarked;
