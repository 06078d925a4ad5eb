package org.socialmedia.post.query.deadletter;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A re-drive is already running on this instance: 409, to be asked again once it has finished. */
class RedriveInProgressException extends ErrorResponseException {

    RedriveInProgressException() {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "a re-drive of the dead letters is running; ask again once it has finished"), null);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
