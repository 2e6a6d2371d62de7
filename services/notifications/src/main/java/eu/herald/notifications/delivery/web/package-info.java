/** Read API of the delivery log. */
@NullMarked
package eu.herald.notifications.delivery.web;

import org.jspecify.annotations.NullMarked;
