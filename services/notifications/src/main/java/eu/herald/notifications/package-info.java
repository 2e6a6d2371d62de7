/** Herald notifications: turns notification requests into deliveries, sends them and publishes outcomes. */
@NullMarked
package eu.herald.notifications;

import org.jspecify.annotations.NullMarked;
