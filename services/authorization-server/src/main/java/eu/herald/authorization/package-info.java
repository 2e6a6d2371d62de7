/**
 * A small OAuth2 authorization server for local runs: client_credentials tokens for the demo operator, admin
 * and municipality clients, and the sign-in of the demo users to the web application (authorization code with
 * PKCE, OpenID Connect), signed with a key read from a folder that the local stack generates.
 */
@NullMarked
package eu.herald.authorization;

import org.jspecify.annotations.NullMarked;
