package org.socialmedia.testsupport.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.socialmedia.post.common.event.PostEvent;

/** A post as its events say it must look: the fold the read model is compared with. */
final class ExpectedPost {

    record Comment(String id, String username, String comment, Instant commentDate, boolean edited) {
    }

    String author;
    String message;
    long likes;
    long version;
    boolean removed;
    private final Map<String, Comment> comments = new LinkedHashMap<>();

    void apply(PostEvent event, long eventVersion) {
        version = eventVersion;
        if (event instanceof PostEvent.PostCreated created) {
            author = created.author();
            message = created.message();
        } else if (event instanceof PostEvent.MessageUpdated updated) {
            message = updated.message();
        } else if (event instanceof PostEvent.PostLiked) {
            likes++;
        } else if (event instanceof PostEvent.CommentAdded added) {
            comments.put(added.commentId().toString(), new Comment(added.commentId().toString(), added.username(),
                    added.comment(), added.commentDate(), false));
        } else if (event instanceof PostEvent.CommentUpdated updated) {
            comments.computeIfPresent(updated.commentId().toString(),
                    (id, old) -> new Comment(id, old.username(), updated.comment(), old.commentDate(), true));
        } else if (event instanceof PostEvent.CommentRemoved removedComment) {
            comments.remove(removedComment.commentId().toString());
        } else if (event instanceof PostEvent.PostRemoved) {
            removed = true;
        }
    }

    /** Oldest first, as the lookups show them; comments of the same millisecond by id. */
    List<Comment> comments() {
        List<Comment> ordered = new ArrayList<>(comments.values());
        ordered.sort(Comparator.comparing(Comment::commentDate).thenComparing(Comment::id));
        return ordered;
    }
}
