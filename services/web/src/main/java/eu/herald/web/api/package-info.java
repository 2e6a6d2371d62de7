/**
 * The services as the pages call them: a {@link org.springframework.web.client.RestClient} per service that carries
 * the signed-in person's access token, and the services' problem details (RFC 9457) turned into {@link
 * eu.herald.web.api.ApiProblem}, which the pages show next to the fields they name.
 */
@NullMarked
package eu.herald.web.api;

import org.jspecify.annotations.NullMarked;
