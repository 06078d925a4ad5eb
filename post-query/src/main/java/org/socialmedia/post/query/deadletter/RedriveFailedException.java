package org.socialmedia.post.query.deadletter;

/**
 * A re-drive stopped before the end (HTTP 503): the broker did not answer or did not acknowledge
 * in time. What was re-driven before is remembered; the next re-drive goes on from there.
 */
public class RedriveFailedException extends RuntimeException {

    public RedriveFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    public RedriveFailedException(String message) {
        super(message);
    }
}
