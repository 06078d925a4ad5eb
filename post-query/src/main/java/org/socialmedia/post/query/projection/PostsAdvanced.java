package org.socialmedia.post.query.projection;

import java.util.Map;
import java.util.UUID;

/**
 * Announced in this instance once a projection transaction has committed: these posts' read
 * model is at these newer versions now. Lets read-your-writes waiters go on at once.
 */
public record PostsAdvanced(Map<UUID, Long> versions) {
}
