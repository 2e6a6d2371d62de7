/**
 * The public pages the mailed links open (one-click unsubscribe, email verification): the language they are written
 * in, and their rendering from Thymeleaf templates and the message bundles ({@code messages*.properties}).
 */
@NullMarked
package eu.herald.subscriptions.page;

import org.jspecify.annotations.NullMarked;
