package eu.herald.catalogue.shared.web;

import eu.herald.catalogue.shared.Conflict;
import eu.herald.catalogue.shared.InvalidInput;
import eu.herald.catalogue.shared.NotFound;
import eu.herald.catalogue.shared.PreconditionRequired;
import eu.herald.catalogue.shared.StaleVersion;
import eu.herald.catalogue.shared.Violation;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every failure as an RFC 9457 problem; refused input additionally lists an {@code errors} array of
 * {@code {field, message}} so a client can point at each offending field.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final String ERRORS = "errors";

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidInput e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid input");
        problem.setProperty(ERRORS, e.violations());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail staleVersion(StaleVersion e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    }

    /** Another operator's change committed between our read and our write: the If-Match is stale now. */
    @ExceptionHandler
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.PRECONDITION_FAILED, "The resource was changed concurrently; read it again and retry");
    }

    @ExceptionHandler
    ProblemDetail preconditionRequired(PreconditionRequired e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(Conflict e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail duplicate(DuplicateKeyException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "It exists already");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Violation(error.getField(), message(error)))
                .toList();
        return invalid(e, violations, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> violations = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Violation(
                                Objects.requireNonNullElse(
                                        result.getMethodParameter().getParameterName(), "parameter"),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return invalid(e, violations, headers, status, request);
    }

    /** A query parameter or path segment of the wrong type, such as {@code status=POSTPONED}. */
    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName()
                : Objects.requireNonNullElse(e.getPropertyName(), "parameter");
        return invalid(
                e,
                List.of(new Violation(field, "has a value of the wrong type or format: " + e.getValue())),
                headers,
                status,
                request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException cause = jacksonCause(e);
        List<Violation> violations = cause == null || cause.getPath().isEmpty()
                ? List.of()
                : List.of(new Violation(path(cause), "has a value of the wrong type or format"));
        return invalid(e, violations, headers, status, request);
    }

    private @Nullable ResponseEntity<Object> invalid(
            Exception e, List<Violation> violations, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(status, "The request is invalid");
        problem.setTitle("Invalid input");
        problem.setProperty(ERRORS, violations);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private static String message(FieldError error) {
        return String.valueOf(error.getDefaultMessage());
    }

    private static @Nullable JacksonException jacksonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return jackson;
            }
        }
        return null;
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
