package eu.herald.web.api;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.JsonNode;

/**
 * A service refused a request: its status and problem details (RFC 9457), with the fields it names.
 *
 * @param errors the problem's {@code errors}: each a field as the service names it and what is wrong with it
 */
public final class ApiProblem extends RuntimeException {

    /** One entry of a problem's {@code errors}. */
    public record FieldError(String field, String message) {}

    private final HttpStatusCode status;
    private final @Nullable String title;
    private final @Nullable String detail;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatusCode status, @Nullable String title, @Nullable String detail, List<FieldError> errors) {
        super(status.value() + " " + (detail != null ? detail : title));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    /** From a problem document; a body that is not one still gives the status. */
    static ApiProblem of(HttpStatusCode status, @Nullable JsonNode problem) {
        if (problem == null || !problem.isObject()) {
            return new ApiProblem(status, null, null, List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        for (JsonNode error : problem.path("errors")) {
            errors.add(new FieldError(
                    error.path("field").asString(""), error.path("message").asString("")));
        }
        return new ApiProblem(status, text(problem.get("title")), text(problem.get("detail")), errors);
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    public HttpStatusCode status() {
        return status;
    }

    public @Nullable String title() {
        return title;
    }

    public @Nullable String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean isNotFound() {
        return status.value() == 404;
    }

    /** A conflict with someone else's change: a stale version (412) or a state that no longer allows it (409). */
    public boolean isConflict() {
        return status.value() == 412 || status.value() == 409;
    }
}
