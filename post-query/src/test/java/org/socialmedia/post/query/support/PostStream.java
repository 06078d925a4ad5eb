package org.socialmedia.post.query.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.event.PostEventType;

/**
 * Writes the history of one post the way post-cmd would: versions from 1 without gaps, one
 * second between events, so tests can state what happened without numbering anything.
 */
public final class PostStream {

    private final UUID postId = UUID.randomUUID();
    private Instant now;
    private long version;

    public PostStream(Instant createdAt) {
        this.now = createdAt;
    }

    public PostStream() {
        this(Instant.parse("2026-11-22T14:00:00.123Z"));
    }

    public UUID postId() {
        return postId;
    }

    public RecordedEvent created(String author, String message) {
        return next(new PostEvent.PostCreated(author, message, now));
    }

    public RecordedEvent messageUpdated(String message) {
        return next(new PostEvent.MessageUpdated(message));
    }

    public RecordedEvent liked(String username) {
        return next(new PostEvent.PostLiked(username));
    }

    public RecordedEvent commentAdded(UUID commentId, String username, String comment) {
        return next(new PostEvent.CommentAdded(commentId, username, comment, now));
    }

    public RecordedEvent commentUpdated(UUID commentId, String username, String comment) {
        return next(new PostEvent.CommentUpdated(commentId, username, comment, now));
    }

    public RecordedEvent commentRemoved(UUID commentId, String username) {
        return next(new PostEvent.CommentRemoved(commentId, username));
    }

    public RecordedEvent removed(String username) {
        return next(new PostEvent.PostRemoved(username));
    }

    /** The instant the next event will carry. */
    public Instant now() {
        return now;
    }

    private RecordedEvent next(PostEvent event) {
        RecordedEvent recorded = new RecordedEvent(UUID.randomUUID(), postId, PostEventType.AGGREGATE_TYPE, ++version, now,
                Map.of("correlationId", UUID.randomUUID().toString()), event);
        now = now.plus(Duration.ofSeconds(1));
        return recorded;
    }
}
