package org.socialmedia.post.cmd.publication;

/** Another replay holds the replay lease (HTTP 409); replays run one at a time. */
public class ReplayInProgressException extends RuntimeException {

    public ReplayInProgressException(String scope) {
        super("a replay of " + scope + " is running; ask again once it has finished");
    }
}
