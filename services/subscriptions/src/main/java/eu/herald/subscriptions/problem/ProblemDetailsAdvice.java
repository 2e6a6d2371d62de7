package eu.herald.subscriptions.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every error into an RFC 9457 problem; validation failures carry an {@code errors} array of
 * {@code {field, message}} so clients can point at the offending input.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFound exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, exception.getMessage());
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(Conflict exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, exception.getMessage());
        problem.setTitle("Conflict");
        problem.setProperty("errors", List.of(new InvalidField(exception.field(), exception.getMessage())));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidInput exception) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, exception.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", exception.errors());
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = exception.getBody();
        problem.setTitle("Invalid request");
        problem.setDetail("The request has invalid fields.");
        problem.setProperty("errors", errors(exception.getBindingResult()));
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = exception.getBody();
        problem.setTitle("Invalid request");
        problem.setDetail("The request has invalid parameters.");
        problem.setProperty(
                "errors",
                exception.getParameterValidationResults().stream()
                        .flatMap(result -> result.getResolvableErrors().stream()
                                .map(error -> new InvalidField(
                                        String.valueOf(
                                                result.getMethodParameter().getParameterName()),
                                        String.valueOf(error.getDefaultMessage()))))
                        .sorted(Comparator.comparing(InvalidField::field))
                        .toList());
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The request body is not readable JSON.");
        problem.setTitle("Invalid request");
        String field = jsonPath(exception);
        if (field != null) {
            problem.setDetail("The request body has a value of the wrong type.");
            problem.setProperty("errors", List.of(new InvalidField(field, "has the wrong type")));
        }
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = exception instanceof MethodArgumentTypeMismatchException mismatch
                ? mismatch.getName()
                : String.valueOf(exception.getPropertyName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "A path or query parameter is malformed.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(new InvalidField(field, "is malformed")));
        return handleExceptionInternal(exception, problem, headers, status, request);
    }

    private static List<InvalidField> errors(BindingResult result) {
        List<InvalidField> fields = result.getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), String.valueOf(error.getDefaultMessage())))
                .collect(Collectors.toList());
        result.getGlobalErrors().stream()
                .map(error -> new InvalidField(error.getObjectName(), String.valueOf(error.getDefaultMessage())))
                .forEach(fields::add);
        fields.sort(Comparator.comparing(InvalidField::field).thenComparing(InvalidField::message));
        return fields;
    }

    private static @Nullable String jsonPath(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                return jackson.getPath().stream()
                        .map(reference -> reference.getPropertyName() != null
                                ? reference.getPropertyName()
                                : "[" + reference.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
            }
        }
        return null;
    }
}
