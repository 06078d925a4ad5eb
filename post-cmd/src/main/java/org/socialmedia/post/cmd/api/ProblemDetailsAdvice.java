package org.socialmedia.post.cmd.api;

import java.util.List;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.cqrs.domain.ConcurrencyException;
import org.socialmedia.cqrs.domain.DomainException;
import org.socialmedia.cqrs.domain.GoneException;
import org.socialmedia.cqrs.domain.InvalidCommandException;
import org.socialmedia.cqrs.domain.NotFoundException;
import org.socialmedia.cqrs.domain.NotPermittedException;
import org.socialmedia.cqrs.domain.StaleVersionException;
import org.socialmedia.post.cmd.application.CommandRetriesExhaustedException;
import org.socialmedia.post.cmd.application.PostBusyException;
import org.socialmedia.post.cmd.publication.ReplayFailedException;
import org.socialmedia.post.cmd.publication.ReplayInProgressException;
import org.springframework.beans.TypeMismatchException;
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
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.exc.StreamConstraintsException;

/**
 * The one place where failures become RFC 9457 problem details: refusals of the domain get their
 * status, client mistakes a 4xx that says what was wrong (naming each invalid field under
 * {@code errors}), and anything unexpected a 500 without internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** Seconds a client should wait before sending a command the service was too busy for. */
    private static final String RETRY_AFTER_SECONDS = "1";

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(InvalidCommandException.class)
    ProblemDetail invalid(InvalidCommandException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e);
        problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler(GoneException.class)
    ProblemDetail gone(GoneException e) {
        return problem(HttpStatus.GONE, e);
    }

    @ExceptionHandler(NotPermittedException.class)
    ProblemDetail forbidden(NotPermittedException e) {
        return problem(HttpStatus.FORBIDDEN, e);
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(IfMatch.etag(e.currentVersion()))
                .body(problem(HttpStatus.PRECONDITION_FAILED, e));
    }

    @ExceptionHandler({CommandRetriesExhaustedException.class, ConcurrencyException.class})
    ProblemDetail conflict(DomainException e) {
        return problem(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler(PostBusyException.class)
    ResponseEntity<ProblemDetail> busy(PostBusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, e));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ProblemDetail tooLarge(BodyTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, e);
    }

    @ExceptionHandler(ReplayInProgressException.class)
    ProblemDetail replayInProgress(ReplayInProgressException e) {
        return problem(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler(ReplayFailedException.class)
    ProblemDetail replayFailed(ReplayFailedException e) {
        log.warn("replay failed: {}", e.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e);
    }

    /**
     * Tomcat reads the query string, and a POSTed form body, on first use and refuses one it cannot
     * decode (a stray {@code %}): the client's mistake, not ours.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail undecodableParameters(InvalidParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request's parameters cannot be decoded.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be processed.");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), messageOf(error)))
                .toList();
        return badRequest("Invalid request content: " + describe(errors), errors, headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                                      WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        return badRequest("Invalid request parameters: " + describe(errors), errors, headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof StreamConstraintsException) {
            return badRequest("The request body goes beyond any command: it nests too deep, or holds a string, number "
                    + "or property name too long.", List.of(), headers);
        }
        return badRequest("The request body is missing or is not valid JSON of the expected shape.", List.of(), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "a valid value" : "a valid " + e.getRequiredType().getSimpleName();
        return badRequest("'" + name + "' must be " + expected + ".", List.of(new FieldProblem(name, "must be " + expected)), headers);
    }

    private ResponseEntity<Object> badRequest(String detail, List<FieldProblem> errors, HttpHeaders headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        if (!errors.isEmpty()) {
            problem.setProperties(Map.of("errors", errors));
        }
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, Exception e) {
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private static String describe(List<FieldProblem> errors) {
        return String.join("; ", errors.stream().map(error -> error.field() + " " + error.message()).toList());
    }
}
