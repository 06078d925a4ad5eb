package org.socialmedia.post.cmd.replay;

import org.socialmedia.post.common.web.RetryLaterException;

/**
 * A replay could not be completed (503): the broker did not acknowledge it, or the replay stalled
 * so long that its lease expired and another replay took over. Asking again replays again.
 */
class ReplayFailedException extends RetryLaterException {

    ReplayFailedException(String detail) {
        super(detail);
    }

    ReplayFailedException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
