package org.socialmedia.post.query.stream;

import java.time.Duration;

import org.socialmedia.post.query.readmodel.AnnouncedChange;

/** What a subscriber's queue holds, in the order it goes out. */
sealed interface StreamMessage {

    /** The first line of every stream: how long the browser waits before it reconnects. */
    record Retry(Duration delay) implements StreamMessage {
    }

    /** A committed change of a post: {@code event: change}, with the change's sequence as id. */
    record Change(AnnouncedChange change) implements StreamMessage {
    }

    /** The client may have missed changes and should load what it shows again. */
    record Refetch(String reason) implements StreamMessage {
    }

    /** A comment line that keeps an idle connection open. */
    record Heartbeat() implements StreamMessage {
    }
}
