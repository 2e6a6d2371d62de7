/** The fan-out of one version of a session, per channel, followed live with server-sent events until it is done. */
@NullMarked
package eu.herald.web.console.fanout;

import org.jspecify.annotations.NullMarked;
