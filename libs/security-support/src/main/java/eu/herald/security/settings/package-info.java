/**
 * Settings a deployment must give, checked before anything starts: a production run with a random key or a
 * local default would work on one replica and fail in ways nobody notices.
 */
@NullMarked
package eu.herald.security.settings;

import org.jspecify.annotations.NullMarked;
