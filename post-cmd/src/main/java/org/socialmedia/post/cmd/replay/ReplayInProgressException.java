package org.socialmedia.post.cmd.replay;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Another replay holds the replay lease (409); replays run one at a time. */
public class ReplayInProgressException extends ErrorResponseException {

    /** @param scope what the running replay covers */
    public ReplayInProgressException(String scope) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "a replay of " + scope + " is running; ask again once it has finished"), null);
    }
}
