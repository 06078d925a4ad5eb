package org.socialmedia.post.query.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.socialmedia.post.query.deadletter.RedriveFailedException;
import org.socialmedia.post.query.deadletter.RedriveInProgressException;
import org.socialmedia.post.query.lookup.PostNotFoundException;
import org.socialmedia.post.query.lookup.TooManyVersionWaitersException;
import org.socialmedia.post.query.lookup.VersionNotReachedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 {@code application/problem+json} with {@code status}, {@code title}
 * and {@code detail}. A 400 also lists each offending request parameter under {@code errors}
 * as {@code {"parameter", "message"}}. Spring's handling of its own exceptions (unknown route,
 * wrong method, ...) is inherited and yields the same shape.
 */
@RestControllerAdvice
class LookupExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LookupExceptionHandler.class);

    /** Seconds a client should wait before asking again when the read model is behind or away. */
    private static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler
    ProblemDetail postNotFound(PostNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> versionNotReached(VersionNotReachedException e) {
        return serviceUnavailable(e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooManyVersionWaiters(TooManyVersionWaitersException e) {
        return serviceUnavailable(e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail redriveInProgress(RedriveInProgressException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> redriveFailed(RedriveFailedException e) {
        log.warn("re-drive failed: {}", e.toString());
        return serviceUnavailable(e.getMessage());
    }

    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class})
    ResponseEntity<ProblemDetail> readModelUnavailable(Exception e) {
        log.warn("read model unavailable: {}", e.getMessage());
        return serviceUnavailable("the read model is unavailable at the moment");
    }

    /**
     * Tomcat reads the query string, and a POSTed form body, on first use and refuses one it cannot
     * decode (a stray {@code %}): the client's mistake, not ours.
     */
    @ExceptionHandler
    ProblemDetail undecodableParameters(InvalidParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request's parameters cannot be decoded");
    }

    @ExceptionHandler
    @Nullable
    ResponseEntity<Object> emptyParameter(EmptyParameterException e, WebRequest request) {
        return badRequest(List.of(new InvalidParameter(e.parameter(), "must be a number, not empty")), new HttpHeaders(), request);
    }

    /** A bug, not a client mistake: logged with its stack trace here, never shown to the client. */
    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("lookup failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "the lookup failed unexpectedly");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidParameter> invalid = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InvalidParameter(parameterName(result.getMethodParameter().getParameterName()),
                                message(error))))
                .toList();
        return badRequest(invalid, headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        InvalidParameter invalid = new InvalidParameter(parameterName(e.getPropertyName()),
                "'" + e.getValue() + "' is not a valid " + expected);
        return badRequest(List.of(invalid), headers, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(new InvalidParameter(e.getParameterName(), "is required")), headers, request);
    }

    private ResponseEntity<Object> badRequest(List<InvalidParameter> invalid, HttpHeaders headers, WebRequest request) {
        String detail = invalid.stream().map(p -> p.parameter() + " " + p.message())
                .collect(Collectors.joining("; ", "Invalid request parameters: ", ""));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", invalid.stream()
                .map(p -> Map.of("parameter", p.parameter(), "message", p.message()))
                .toList());
        return handleExceptionInternal(new IllegalArgumentException(detail), problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ResponseEntity<ProblemDetail> serviceUnavailable(String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
    }

    private static String parameterName(@Nullable String name) {
        return name == null ? "request" : name;
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    private record InvalidParameter(String parameter, String message) {
    }
}
