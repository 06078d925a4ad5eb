package org.socialmedia.post.query.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.cqrs.domain.NotFoundException;
import org.socialmedia.post.common.web.ProblemDetailsHandler;
import org.socialmedia.post.common.web.RetryLaterException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The lookups' errors in the dialect both services speak ({@link ProblemDetailsHandler}). The
 * features' own refusals carry their status themselves (503s with {@code Retry-After} are
 * {@link RetryLaterException}s); what is mapped here is what no feature owns.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** PostgreSQL is down or overloaded: a lookup asked again shortly may well succeed. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class})
    ErrorResponse readModelUnavailable(Exception e) {
        log.warn("read model unavailable: {}", e.getMessage());
        return new RetryLaterException("the read model is unavailable at the moment", e);
    }
}
