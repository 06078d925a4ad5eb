package org.socialmedia.post.cmd.domain;

import java.util.OptionalLong;
import java.util.UUID;

import org.socialmedia.cqrs.dispatch.Command;

/**
 * Every command on posts. {@code expectedVersion} carries a client's {@code If-Match}: when present,
 * the command applies only to that version of the post.
 */
public sealed interface PostCommand extends Command<CommandResult> {

    record CreatePostCommand(String author, String message) implements PostCommand {
    }

    record EditMessageCommand(UUID postId, String username, String message, OptionalLong expectedVersion)
            implements PostCommand {
    }

    record LikePostCommand(UUID postId, String username, OptionalLong expectedVersion) implements PostCommand {
    }

    record AddCommentCommand(UUID postId, String username, String comment, OptionalLong expectedVersion)
            implements PostCommand {
    }

    record EditCommentCommand(UUID postId, UUID commentId, String username, String comment,
                              OptionalLong expectedVersion) implements PostCommand {
    }

    record RemoveCommentCommand(UUID postId, UUID commentId, String username, OptionalLong expectedVersion)
            implements PostCommand {
    }

    record DeletePostCommand(UUID postId, String username, OptionalLong expectedVersion) implements PostCommand {
    }
}
