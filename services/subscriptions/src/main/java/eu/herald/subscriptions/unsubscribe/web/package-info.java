/** The unsubscribe page: GET shows, POST (List-Unsubscribe=One-Click) unsubscribes. */
@NullMarked
package eu.herald.subscriptions.unsubscribe.web;

import org.jspecify.annotations.NullMarked;
