package org.socialmedia.post.query.deadletter;

/** A re-drive is already running on this instance (HTTP 409). */
public class RedriveInProgressException extends RuntimeException {

    public RedriveInProgressException() {
        super("a re-drive of the dead letters is running; ask again once it has finished");
    }
}
