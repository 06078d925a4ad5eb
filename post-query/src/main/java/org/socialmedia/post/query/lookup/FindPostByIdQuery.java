package org.socialmedia.post.query.lookup;

import java.util.Optional;
import java.util.UUID;

/**
 * One visible post with its comments; empty if the post is unknown or removed.
 *
 * @param minVersion the answer is at least this version if the read model has reached it (0: any)
 */
record FindPostByIdQuery(UUID id, long minVersion) implements PostQuery<Optional<PostDetails>> {

    FindPostByIdQuery(UUID id) {
        this(id, 0);
    }
}
