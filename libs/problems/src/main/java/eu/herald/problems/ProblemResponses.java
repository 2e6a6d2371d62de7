package eu.herald.problems;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as an RFC 9457 problem whose title is the status's reason phrase (its {@code type} is
 * {@code about:blank}). A problem about the request's content (400, 409) lists the fields at fault in
 * {@code errors}, as {@code {field, message}} with the field's JSON path, and lists none when no field is to blame.
 * Spring MVC's own failures (unsupported media type, method not allowed, no such resource) keep Spring's problems.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final String ERRORS = "errors";

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidInput e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.violations());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(Conflict e) {
        return problem(HttpStatus.CONFLICT, e.getMessage(), e.violations());
    }

    /** Another request stored the same key between our check and our insert. */
    @ExceptionHandler
    ProblemDetail duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "It exists already", List.of());
    }

    @ExceptionHandler
    ProblemDetail preconditionRequired(PreconditionRequired e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail staleVersion(StaleVersion e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    }

    /**
     * Another change committed between our read and our write. Herald's versioned resources are changed only with
     * an If-Match, so the version the client named is stale now.
     */
    @ExceptionHandler
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.PRECONDITION_FAILED, "The resource was changed concurrently; read it again and retry");
    }

    /**
     * A 500 whose body says nothing of the failure: an exception's message can hold an address, a URL or a secret;
     * the log has it.
     */
    @ExceptionHandler
    ProblemDetail unexpected(Exception e, WebRequest request) {
        log.error("unexpected failure of {}", request.getDescription(false), e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(e, "The request has invalid fields.", violations(e.getBindingResult()), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Stream<Violation> violations = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Violation(
                                Objects.requireNonNullElse(
                                        result.getMethodParameter().getParameterName(), "parameter"),
                                String.valueOf(error.getDefaultMessage()))));
        return invalid(e, "The request has invalid parameters.", sorted(violations), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(
                e,
                "The request has invalid parameters.",
                List.of(new Violation(e.getParameterName(), "is required")),
                headers,
                request);
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
                "The request has invalid parameters.",
                List.of(new Violation(field, Expectation.of(e.getRequiredType()))),
                headers,
                request);
    }

    /**
     * A body that is not JSON names no field; a body that is JSON but holds a value of the wrong type names that
     * value's path. Jackson 3 gives the path of both: a syntax error's is where the parser stopped, which is not
     * the field at fault.
     */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        DatabindException mismatch = mismatch(e);
        if (mismatch == null) {
            return invalid(e, "The request body is not readable JSON.", List.of(), headers, request);
        }
        return invalid(
                e,
                "The request body has a value of the wrong type.",
                List.of(new Violation(path(mismatch), message(mismatch))),
                headers,
                request);
    }

    /** Every 400, whoever made it, lists the fields at fault, so that a client reads one shape. */
    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (status.value() == HttpStatus.BAD_REQUEST.value()
                && body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey(ERRORS))) {
            problem.setProperty(ERRORS, List.of());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private @Nullable ResponseEntity<Object> invalid(
            Exception e, String detail, List<Violation> violations, HttpHeaders headers, WebRequest request) {
        return handleExceptionInternal(
                e, problem(HttpStatus.BAD_REQUEST, detail, violations), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(HttpStatus status, @Nullable String detail, List<Violation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(ERRORS, violations);
        return problem;
    }

    /** Field errors and errors of a whole object, ordered by field: a validator reports them in no set order. */
    private static List<Violation> violations(BindingResult result) {
        return sorted(Stream.concat(
                result.getFieldErrors().stream()
                        .map(error -> new Violation(error.getField(), String.valueOf(error.getDefaultMessage()))),
                result.getGlobalErrors().stream()
                        .map(error ->
                                new Violation(error.getObjectName(), String.valueOf(error.getDefaultMessage())))));
    }

    private static List<Violation> sorted(Stream<Violation> violations) {
        return violations
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
    }

    private static @Nullable DatabindException mismatch(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind
                    && !databind.getPath().isEmpty()) {
                return databind;
            }
        }
        return null;
    }

    private static String message(DatabindException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        return e instanceof MismatchedInputException mismatch
                ? Expectation.of(mismatch.getTargetType())
                : Expectation.of(null);
    }

    /** The JSON path of the value at fault as a client writes it: {@code venue.platform}, {@code endpoints[0]}. */
    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }
}
