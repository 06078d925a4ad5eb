package org.socialmedia.post.cmd.domain;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What a command answers: the post, its version after the command, and a new comment's id. */
public record CommandResult(UUID id, long version, @Nullable UUID commentId) {

    public static CommandResult of(UUID id, long version) {
        return new CommandResult(id, version, null);
    }
}
