package org.socialmedia.post.cmd.command;

import java.time.Duration;
import java.util.UUID;

import org.socialmedia.post.common.web.RetryLaterException;

/** A command waited longer than the lock timeout for the commands queued on its post: 503, try again. */
class PostBusyException extends RetryLaterException {

    PostBusyException(UUID postId, Duration waited) {
        super("post " + postId + " is busy: the command waited " + waited.toMillis() + " ms for the commands before it; try again");
    }
}
