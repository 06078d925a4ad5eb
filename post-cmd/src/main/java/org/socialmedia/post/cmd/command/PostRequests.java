package org.socialmedia.post.cmd.command;

import static org.socialmedia.post.cmd.domain.TextRule.AUTHOR;
import static org.socialmedia.post.cmd.domain.TextRule.COMMENT;
import static org.socialmedia.post.cmd.domain.TextRule.MESSAGE;
import static org.socialmedia.post.cmd.domain.TextRule.USERNAME;

/** Request bodies of the command API, each text checked by the aggregate's own rule so that errors name the field. */
final class PostRequests {

    private PostRequests() {
    }

    record CreatePostRequest(
            @ValidText(AUTHOR) String author,
            @ValidText(MESSAGE) String message) {
    }

    record UpdateMessageRequest(
            @ValidText(USERNAME) String username,
            @ValidText(MESSAGE) String message) {
    }

    record LikePostRequest(
            @ValidText(USERNAME) String username) {
    }

    record CommentRequest(
            @ValidText(USERNAME) String username,
            @ValidText(COMMENT) String comment) {
    }
}
