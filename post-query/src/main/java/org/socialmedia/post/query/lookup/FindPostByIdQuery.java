package org.socialmedia.post.query.lookup;

import java.util.Optional;
import java.util.UUID;

/** One visible post with its comments; empty if the post is unknown or removed. */
record FindPostByIdQuery(UUID id) implements PostQuery<Optional<PostDetails>> {
}
