package org.socialmedia.post.cmd.domain;

import java.util.OptionalLong;
import java.util.UUID;

import org.socialmedia.cqrs.dispatch.Command;

/**
 * Every command on posts, each named for the event it raises: {@code UpdateMessageCommand} raises
 * {@code MessageUpdated}, which the aggregate's {@code updateMessage} decides. {@code expectedVersion}
 * carries a client's {@code If-Match}: when present, the command applies only to that version of
 * the post.
 */
public sealed interface PostCommand extends Command<CommandResult> {

    /** A command on a post that must already exist. */
    sealed interface OnExistingPost extends PostCommand {
        UUID postId();

        OptionalLong expectedVersion();
    }

    record CreatePostCommand(String author, String message) implements PostCommand {
    }

    record UpdateMessageCommand(UUID postId, String username, String message, OptionalLong expectedVersion)
            implements OnExistingPost {
    }

    record LikePostCommand(UUID postId, String username, OptionalLong expectedVersion) implements OnExistingPost {
    }

    record AddCommentCommand(UUID postId, String username, String comment, OptionalLong expectedVersion)
            implements OnExistingPost {
    }

    record UpdateCommentCommand(UUID postId, UUID commentId, String username, String comment,
                                OptionalLong expectedVersion) implements OnExistingPost {
    }

    record RemoveCommentCommand(UUID postId, UUID commentId, String username, OptionalLong expectedVersion)
            implements OnExistingPost {
    }

    record RemovePostCommand(UUID postId, String username, OptionalLong expectedVersion) implements OnExistingPost {
    }
}
