package org.socialmedia.post.cmd.application;

import java.time.Duration;
import java.util.UUID;

import org.socialmedia.cqrs.domain.DomainException;

/** A command waited longer than the lock timeout for the commands queued on its post (HTTP 503). */
public class PostBusyException extends DomainException {

    public PostBusyException(UUID postId, Duration waited) {
        super("post " + postId + " is busy: the command waited " + waited.toMillis() + " ms for the commands before it; try again");
    }
}
