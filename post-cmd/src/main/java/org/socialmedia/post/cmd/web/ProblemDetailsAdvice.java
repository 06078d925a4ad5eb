package org.socialmedia.post.cmd.web;

import java.util.List;

import org.socialmedia.cqrs.domain.ConcurrencyException;
import org.socialmedia.cqrs.domain.GoneException;
import org.socialmedia.cqrs.domain.InvalidCommandException;
import org.socialmedia.cqrs.domain.NotFoundException;
import org.socialmedia.cqrs.domain.NotPermittedException;
import org.socialmedia.cqrs.domain.StaleVersionException;
import org.socialmedia.post.common.web.FieldProblem;
import org.socialmedia.post.common.web.ProblemDetailsHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals of the domain as problem details, in the dialect both services share. A refusal of
 * this service's own (busy, conflict, replay running) is an {@code ErrorResponseException} that
 * carries its status, so this advice need not know any feature.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsHandler {

    @ExceptionHandler
    ProblemDetail invalidCommand(InvalidCommandException e) {
        return invalid(List.of(new FieldProblem(e.field(), e.reason())));
    }

    /** An unknown post or comment; also a post with no event at all, as a replay of one post finds it. */
    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail gone(GoneException e) {
        return problem(HttpStatus.GONE, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail forbidden(NotPermittedException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    /** Tells the client the version it should have asked for, so it can look again and decide. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(StaleVersionException e) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(Long.toString(e.currentVersion()))
                .body(problem(HttpStatus.PRECONDITION_FAILED, e.getMessage()));
    }

    @ExceptionHandler
    ProblemDetail conflict(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }
}
