package org.socialmedia.post.cmd.publication;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.socialmedia.cqrs.eventstore.RecordedEvent;

/** The event store seen as an outbox: which stored events still wait to be published. */
public interface Outbox {

    /** Unpublished events stored before the given instant, each post's in version order. */
    List<RecordedEvent> unpublishedBefore(Instant storedBefore, int limit);

    boolean isPublished(UUID aggregateId, long version);

    void markPublished(Collection<RecordedEvent> published);

    long countUnpublished();
}
