package org.socialmedia.post.cmd.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/** A request body larger than this service reads (413). */
class BodyTooLargeException extends ErrorResponseException {

    BodyTooLargeException(DataSize limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "The request body must not be larger than " + limit.toBytes() + " bytes."), null);
    }
}
