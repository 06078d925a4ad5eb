package org.socialmedia.post.query.projection;

import java.util.Set;
import java.util.UUID;

/**
 * Announced in this instance once a projection transaction has committed: these posts' read
 * model is at a newer version now. Lets read-your-writes waiters look again at once.
 */
public record PostsAdvanced(Set<UUID> postIds) {
}
