package org.socialmedia.post.common.web;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.exc.StreamConstraintsException;

/**
 * The one error dialect of both services: every failure as RFC 9457 {@code application/problem+json}
 * with {@code status}, {@code title} and {@code detail}; a 400 also lists each offending body field
 * or query parameter under {@code errors} as {@link FieldProblem}s; anything unexpected is a 500
 * that shows no internals. Spring's own exceptions (unknown route, wrong method, wrong media type,
 * an {@code ErrorResponseException} such as {@link RetryLaterException}) come out in the same shape.
 *
 * <p>Each service extends it with a {@code @RestControllerAdvice} that maps its own refusals.
 */
public abstract class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    /** A 400 naming each offending input, with a detail that lists them for a person. */
    protected static ProblemDetail invalid(List<FieldProblem> errors) {
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; ", "Invalid request: ", ""));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    protected static ProblemDetail problem(HttpStatus status, @Nullable String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    /**
     * Tomcat reads the query string on first use and refuses one it cannot decode (a stray
     * {@code %}): the client's mistake, not ours.
     */
    @ExceptionHandler
    ProblemDetail undecodableParameters(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "The request's parameters cannot be decoded.");
    }

    /** A bug, not a client mistake: logged with its stack trace here, never shown to the client. */
    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be processed.");
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        return badRequest(e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), message(error)))
                .toList(), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                                      WebRequest request) {
        return badRequest(e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(nameOr(result.getMethodParameter().getParameterName()), message(error))))
                .toList(), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String expected = e.getRequiredType() == null ? "a valid value" : "a valid " + e.getRequiredType().getSimpleName();
        return badRequest(List.of(new FieldProblem(nameOr(e.getPropertyName()), "must be " + expected)), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                                    HttpHeaders headers, HttpStatusCode status,
                                                                                    WebRequest request) {
        return badRequest(List.of(new FieldProblem(e.getParameterName(), "is required")), headers);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        String detail = e.getMostSpecificCause() instanceof StreamConstraintsException
                ? "The request body goes beyond any request of this API: it nests too deep, or holds a string, number or "
                + "property name too long."
                : "The request body is missing or is not valid JSON of the expected shape.";
        return ResponseEntity.badRequest().headers(headers).body(problem(HttpStatus.BAD_REQUEST, detail));
    }

    private static ResponseEntity<Object> badRequest(List<FieldProblem> errors, HttpHeaders headers) {
        return ResponseEntity.badRequest().headers(headers).body(invalid(errors));
    }

    private static String nameOr(@Nullable String name) {
        return name == null ? "request" : name;
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}
