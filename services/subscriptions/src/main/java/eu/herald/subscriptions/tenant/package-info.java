/**
 * Who may call what: the filter chain (scopes per path) and the tenant guard that lets a municipality's
 * users reach only their own municipality, answering any other tenant's ids exactly like ids that do not exist.
 */
@NullMarked
package eu.herald.subscriptions.tenant;

import org.jspecify.annotations.NullMarked;
