package org.socialmedia.post.cmd.command;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A command kept losing the optimistic-concurrency race and was given up: 409, the client may decide again. */
class CommandRetriesExhaustedException extends ErrorResponseException {

    CommandRetriesExhaustedException(UUID postId, int attempts) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "post " + postId + " kept changing; the command could not be stored after " + attempts + " attempts"), null);
    }
}
