/** Where a municipality is told: email addresses, webhooks and this browser's web push. */
@NullMarked
package eu.herald.web.portal.endpoints;

import org.jspecify.annotations.NullMarked;
