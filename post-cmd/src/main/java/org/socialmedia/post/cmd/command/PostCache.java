package org.socialmedia.post.cmd.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.socialmedia.post.cmd.domain.Post;

/**
 * Posts of this instance kept in memory as they were after their last stored event, so that a
 * command need not replay the post's whole history: a post's history length must not set the
 * cost of its next command.
 *
 * <p>A cached post may be stale: another instance may have stored events since. It is never
 * trusted blindly; see {@link PostCommandExecutor} for how each decision made on it is verified.
 * A post is taken out while a command works on it and put back only once its new events are
 * stored, so a half-applied decision can never be seen by the next command.
 */
final class PostCache {

    private final Map<UUID, Post> posts;

    PostCache(int capacity) {
        this.posts = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Post> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Optional<Post> take(UUID postId) {
        return Optional.ofNullable(posts.remove(postId));
    }

    synchronized void put(Post post) {
        if (post.uncommittedEvents().isEmpty()) {
            posts.put(post.id(), post);
        }
    }
}
