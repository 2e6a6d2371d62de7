/**
 * The web application: the municipality portal ({@code portal}) and the operator console ({@code console}),
 * server-rendered, in front of the three services. It is a backend-for-frontend: people sign in with the
 * authorization server, their tokens stay in the HTTP session, and every page calls the services' APIs with them.
 */
@NullMarked
package eu.herald.web;

import org.jspecify.annotations.NullMarked;
