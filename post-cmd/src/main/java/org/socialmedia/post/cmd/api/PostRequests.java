package org.socialmedia.post.cmd.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the command API. Limits match the aggregate's, so that errors can name the field. */
final class PostRequests {

    private PostRequests() {
    }

    record CreatePostRequest(
            @NotBlank @Size(max = 64) String author,
            @NotBlank @Size(max = 5000) String message) {
    }

    record EditMessageRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 5000) String message) {
    }

    record LikePostRequest(
            @NotBlank @Size(max = 64) String username) {
    }

    record CommentRequest(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Size(max = 2000) String comment) {
    }
}
