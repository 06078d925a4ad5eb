package org.socialmedia.post.cmd.command;

import java.util.UUID;

/** Response bodies of the command API: the post's new version, and a new comment's id. */
final class PostResponses {

    private PostResponses() {
    }

    record PostVersion(UUID id, long version) {
    }

    record CommentCreated(UUID id, UUID commentId, long version) {
    }
}
