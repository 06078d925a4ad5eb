package org.socialmedia.post.cmd.application;

import java.util.UUID;

import org.socialmedia.cqrs.domain.DomainException;

/** A command kept losing the optimistic-concurrency race and was given up (HTTP 409). */
public class CommandRetriesExhaustedException extends DomainException {

    public CommandRetriesExhaustedException(UUID postId, int attempts) {
        super("post " + postId + " kept changing; the command could not be stored after " + attempts + " attempts");
    }
}
