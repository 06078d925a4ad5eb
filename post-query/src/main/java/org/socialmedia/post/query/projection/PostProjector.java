package org.socialmedia.post.query.projection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.event.PostEventType;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.post.query.readmodel.PendingChanges;
import org.socialmedia.post.query.readmodel.PostVersions;
import org.socialmedia.post.query.readmodel.ReadModelWriter;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies post events to the read tables, each (post, version) at most once and in version order.
 *
 * <p>The version stored on the post row decides: an event at or below it is a duplicate and
 * changes nothing; the next one is applied; one further ahead is parked in {@code parked_event}
 * (never applied out of order, never dropped) and applied, in order, as soon as its predecessor
 * is. A batch is one transaction, so a batch is either fully reflected or not at all.
 */
public class PostProjector {

    private static final Logger log = LoggerFactory.getLogger(PostProjector.class);

    private final ReadModelWriter writer;
    private final PostVersions versions;
    private final PostEventCodec codec;

    PostProjector(ReadModelWriter writer, PostVersions versions, PostEventCodec codec) {
        this.writer = writer;
        this.versions = versions;
        this.codec = codec;
    }

    /** @param events post events in the order they were read; several posts may be mixed */
    @Transactional
    public ProjectionOutcome project(List<RecordedEvent> events) {
        ProjectionOutcome.Tally tally = new ProjectionOutcome.Tally();
        if (events.isEmpty()) {
            return tally.outcome();
        }
        Set<UUID> postIds = new LinkedHashSet<>();
        events.forEach(event -> postIds.add(event.aggregateId()));
        writer.lockPosts(postIds);
        Batch batch = new Batch(versions.applied(postIds), writer.postsWithParkedEvents(postIds), new PendingChanges(), tally);
        for (RecordedEvent event : events) {
            handle(event, batch);
        }
        writer.write(batch.changes());
        return tally.outcome();
    }

    private void handle(RecordedEvent event, Batch batch) {
        UUID postId = event.aggregateId();
        switch (VersionCheck.of(batch.appliedVersion(postId), event.version())) {
            case DUPLICATE -> batch.tally().duplicate();
            case PARK -> park(event, batch);
            case APPLY -> {
                apply(event, batch);
                if (batch.postsWithParked().contains(postId)) {
                    applyParkedSuccessors(postId, batch);
                }
            }
        }
    }

    private void park(RecordedEvent event, Batch batch) {
        UUID postId = event.aggregateId();
        log.warn("post {}: version {} arrived before version {}; parked until the gap is filled", postId,
                event.version(), batch.appliedVersion(postId) + 1);
        writer.park(postId, event.version(), codec.encode(event));
        batch.postsWithParked().add(postId);
        batch.tally().parked();
    }

    private void applyParkedSuccessors(UUID postId, Batch batch) {
        long next = batch.appliedVersion(postId) + 1;
        List<String> parked = writer.parkedEnvelopes(postId, next);
        int applied = 0;
        for (String envelope : parked) {
            RecordedEvent event = codec.decode(envelope);
            if (event.version() != next) {
                break;
            }
            apply(event, batch);
            next++;
            applied++;
        }
        writer.unpark(postId, next - 1);
        if (applied == parked.size()) {
            batch.postsWithParked().remove(postId);
        }
    }

    private void apply(RecordedEvent recorded, Batch batch) {
        UUID postId = recorded.aggregateId();
        long version = recorded.version();
        PostEvent event = (PostEvent) recorded.event();
        PendingChanges changes = batch.changes();
        if (event instanceof PostEvent.PostCreated created) {
            changes.created(postId, created);
        } else if (event instanceof PostEvent.MessageUpdated updated) {
            changes.messageUpdated(postId, version, updated.message());
        } else if (event instanceof PostEvent.PostLiked) {
            changes.liked(postId, version);
        } else if (event instanceof PostEvent.CommentAdded added) {
            changes.commentAdded(postId, version, added);
        } else if (event instanceof PostEvent.CommentUpdated updated) {
            changes.commentUpdated(postId, version, updated);
        } else if (event instanceof PostEvent.CommentRemoved removed) {
            changes.commentRemoved(postId, version, removed);
        } else if (event instanceof PostEvent.PostRemoved) {
            changes.postRemoved(postId, version);
        } else {
            throw new IllegalStateException("no projection for " + event.getClass().getName());
        }
        batch.appliedVersions().put(postId, version);
        batch.tally().applied(postId, version, PostEventType.of(event));
    }

    /** What the transaction knows about its posts, kept current as it applies events. */
    private record Batch(Map<UUID, Long> appliedVersions, Set<UUID> postsWithParked, PendingChanges changes,
                         ProjectionOutcome.Tally tally) {

        long appliedVersion(UUID postId) {
            return appliedVersions.getOrDefault(postId, 0L);
        }
    }
}
