package eu.herald.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as problem details. Spring's bearer-token handlers set the RFC 6750 {@code WWW-Authenticate}
 * header (which says why a token was refused); the body says it once more for people. The reason is generic:
 * the exception's message could echo parts of the token.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
    private final Problems problems;

    ProblemAuthenticationEntryPoint(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearer.commence(request, response, e);
        problems.write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                "A valid bearer token is required (Authorization: Bearer <access token>)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        denied.handle(request, response, e);
        problems.write(request, response, HttpStatus.FORBIDDEN, "The token does not grant this operation");
    }
}
