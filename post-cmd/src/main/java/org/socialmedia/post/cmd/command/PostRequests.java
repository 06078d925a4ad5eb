package org.socialmedia.post.cmd.command;

import static org.socialmedia.post.cmd.domain.TextRule.AUTHOR;
import static org.socialmedia.post.cmd.domain.TextRule.COMMENT;
import static org.socialmedia.post.cmd.domain.TextRule.MESSAGE;
import static org.socialmedia.post.cmd.domain.TextRule.USERNAME;

import org.jspecify.annotations.Nullable;

/**
 * Request bodies of the command API, each text checked by the aggregate's own rule so that errors
 * name the field. The user comes from the bearer token; {@code author} and {@code username} remain
 * for older clients, optional, and must then name the token's user.
 */
final class PostRequests {

    private PostRequests() {
    }

    record CreatePostRequest(
            @ValidText(value = AUTHOR, optional = true) @Nullable String author,
            @ValidText(MESSAGE) String message) {
    }

    record UpdateMessageRequest(
            @ValidText(value = USERNAME, optional = true) @Nullable String username,
            @ValidText(MESSAGE) String message) {
    }

    record LikePostRequest(
            @ValidText(value = USERNAME, optional = true) @Nullable String username) {
    }

    record CommentRequest(
            @ValidText(value = USERNAME, optional = true) @Nullable String username,
            @ValidText(COMMENT) String comment) {
    }
}
