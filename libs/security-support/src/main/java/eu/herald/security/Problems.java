package eu.herald.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problems from filters, where no controller advice reaches: the members the services' advice
 * (libs/problems) writes, {@code title} (the status's reason phrase), {@code status}, {@code detail} and
 * {@code instance}. No {@code type}: an absent one is {@code about:blank}, as Spring leaves it.
 */
final class Problems {

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // bytes, not a writer: JSON is UTF-8 (RFC 8259), and the type stays as the services' advice writes it
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
