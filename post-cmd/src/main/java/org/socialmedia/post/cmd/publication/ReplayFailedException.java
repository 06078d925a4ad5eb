package org.socialmedia.post.cmd.publication;

/**
 * A replay could not be completed (HTTP 503): the broker did not acknowledge it, or the replay
 * stalled so long that its lease expired and another replay took over.
 */
public class ReplayFailedException extends RuntimeException {

    public ReplayFailedException(String message) {
        super(message);
    }

    public ReplayFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
