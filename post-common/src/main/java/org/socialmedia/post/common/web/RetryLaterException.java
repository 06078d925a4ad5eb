package org.socialmedia.post.common.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The service cannot answer now, through no fault of the request: 503 with {@code Retry-After},
 * so a client (or a browser app) knows to ask again rather than give up.
 */
public class RetryLaterException extends ErrorResponseException {

    /** Seconds to wait: long enough for a lock or a projection to move on, short enough for a person. */
    public static final String RETRY_AFTER_SECONDS = "1";

    public RetryLaterException(String detail) {
        this(detail, null);
    }

    public RetryLaterException(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail), cause);
        getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
