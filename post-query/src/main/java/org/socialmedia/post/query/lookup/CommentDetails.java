package org.socialmedia.post.query.lookup;

import java.time.Instant;
import java.util.UUID;

/** A comment of a post; {@code commentDate} stays the original date when the comment is edited. */
public record CommentDetails(UUID id, String username, String comment, Instant commentDate, boolean edited) {
}
