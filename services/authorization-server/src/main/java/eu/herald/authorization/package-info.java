/**
 * A small OAuth2 authorization server for local runs: client_credentials tokens for the demo operator, admin
 * and municipality clients, signed with a key read from a folder that the local stack generates.
 */
@NullMarked
package eu.herald.authorization;

import org.jspecify.annotations.NullMarked;
