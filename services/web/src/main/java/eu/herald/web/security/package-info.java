/**
 * Signing in and out: the authorization-code flow with PKCE against the authorization server, the roles read from
 * the ID token, and the rules that keep the console to operators and the portal to clerks and the admin.
 */
@NullMarked
package eu.herald.web.security;

import org.jspecify.annotations.NullMarked;
