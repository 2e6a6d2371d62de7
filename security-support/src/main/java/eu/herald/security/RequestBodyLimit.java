package eu.herald.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose declared body ({@code Content-Length}) is over the limit with 413 before anything
 * reads it, so a large body costs neither parsing nor memory.
 */
final class RequestBodyLimit extends OncePerRequestFilter {

    private final DataSize limit;
    private final Problems problems;

    RequestBodyLimit(DataSize limit, Problems problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit.toBytes()) {
            problems.write(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is larger than " + limit.toKilobytes() + " KB");
            return;
        }
        chain.doFilter(request, response);
    }
}
