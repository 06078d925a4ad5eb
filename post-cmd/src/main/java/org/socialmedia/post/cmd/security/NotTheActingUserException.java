package org.socialmedia.post.cmd.security;

import java.util.List;

import org.socialmedia.post.common.web.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A body or query names a user other than the token's (403), in the shape of a 400's field list. */
class NotTheActingUserException extends ErrorResponseException {

    NotTheActingUserException(String field) {
        super(HttpStatus.FORBIDDEN, problem(field), null);
    }

    private static ProblemDetail problem(String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                field + " names another user than the bearer token's; leave it out or send the token's own user.");
        problem.setProperty("errors", List.of(new FieldProblem(field, "must be the bearer token's user")));
        return problem;
    }
}
