package org.socialmedia.post.cmd.publication;

/** A replay could not be completed because the broker is unavailable (HTTP 503). */
public class ReplayFailedException extends RuntimeException {

    public ReplayFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
