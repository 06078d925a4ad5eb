package org.socialmedia.post.query.deadletter;

import org.socialmedia.post.common.web.RetryLaterException;

/**
 * A re-drive stopped before the end: the broker did not answer or did not acknowledge in time.
 * What was re-driven before is remembered; the next re-drive goes on from there.
 */
class RedriveFailedException extends RetryLaterException {

    RedriveFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    RedriveFailedException(String message) {
        super(message);
    }
}
