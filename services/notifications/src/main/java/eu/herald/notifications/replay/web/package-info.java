/**
 * HTTP API of replays: replay one delivery or a change's, and read the audit.
 */
@NullMarked
package eu.herald.notifications.replay.web;

import org.jspecify.annotations.NullMarked;
