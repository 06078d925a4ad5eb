package org.socialmedia.post.cmd.ratelimit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A client sent commands faster than its limit: 429, with the whole seconds to wait as {@code Retry-After}. */
class TooManyCommandsException extends ErrorResponseException {

    TooManyCommandsException(String detail, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    }

    static TooManyCommandsException fromUser(Limit limit, long retryAfterSeconds) {
        return new TooManyCommandsException("Too many commands from this user: the limit is " + limit.describe()
                + ". Try again in " + retryAfterSeconds + " s.", retryAfterSeconds);
    }

    static TooManyCommandsException fromAddress(Limit limit, long retryAfterSeconds) {
        return new TooManyCommandsException("Too many commands without a bearer token from this address: the limit is "
                + limit.describe() + ". Send Authorization: Bearer <JWT>, or try again in " + retryAfterSeconds + " s.",
                retryAfterSeconds);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
