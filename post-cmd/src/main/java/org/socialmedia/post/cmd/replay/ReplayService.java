package org.socialmedia.post.cmd.replay;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.cqrs.domain.AggregateNotFoundException;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.cmd.publication.EventSender;
import org.socialmedia.post.common.event.PostEventType;

/**
 * Republishes stored events, each post's in version order: the whole store, so that a read model
 * can be rebuilt from scratch, or one post, so that a read side applies the versions it parked
 * behind one it lost or dead-lettered. Consumers skip what they have already applied, so
 * replaying into a live read model changes nothing else.
 *
 * <p>One replay runs at a time among all instances ({@link ReplayLeases}). Live publication goes
 * on meanwhile, through the same producer; {@link BoundedSends} keeps the replay from queueing
 * more than a little ahead of it.
 */
class ReplayService {

    private static final Logger log = LoggerFactory.getLogger(ReplayService.class);

    /** Events read from the store at a time, so a replay of the whole store holds one batch in memory. */
    private static final int READ_BATCH = 1000;

    private final EventStore store;
    private final EventSender sender;
    private final ReplayLeases leases;
    private final int maxInFlight;
    private final Duration ackTimeout;

    ReplayService(EventStore store, EventSender sender, ReplayLeases leases, int maxInFlight, Duration ackTimeout) {
        this.store = store;
        this.sender = sender;
        this.leases = leases;
        this.maxInFlight = maxInFlight;
        this.ackTimeout = ackTimeout;
    }

    /** Where a replay reads its events, in batches, each post's in version order. */
    @FunctionalInterface
    private interface StoredEvents {

        /** @return how many events were read */
        long readInOrder(Consumer<List<RecordedEvent>> batches);
    }

    /**
     * @return how many events were republished, once the broker acknowledged every one
     * @throws ReplayInProgressException if another replay is running
     * @throws ReplayFailedException     if the broker did not acknowledge every event
     */
    long replayAll() {
        return replay("every post", batches -> store.readAll(READ_BATCH, batches));
    }

    /**
     * @return how many events of the post were republished, once the broker acknowledged every one
     * @throws AggregateNotFoundException if the store holds no event of the post
     * @throws ReplayInProgressException  if another replay is running
     * @throws ReplayFailedException      if the broker did not acknowledge every event
     */
    long replayPost(UUID postId) {
        return replay("post " + postId, batches -> {
            // A post's stream is what loading the post reads anyway, so it fits in memory.
            List<RecordedEvent> stream = store.readStream(postId, 0);
            if (stream.isEmpty()) {
                throw new AggregateNotFoundException(PostEventType.AGGREGATE_TYPE, postId);
            }
            batches.accept(stream);
            return stream.size();
        });
    }

    private long replay(String scope, StoredEvents events) {
        try (ReplayLeases.Lease lease = leases.acquire(scope)) {
            BoundedSends sends = new BoundedSends(sender, maxInFlight, ackTimeout);
            long count = events.readInOrder(batch -> {
                for (RecordedEvent event : batch) {
                    if (!lease.keepAlive()) {
                        throw new ReplayFailedException("the replay stalled until its lease expired and another replay took over");
                    }
                    sends.send(event);
                }
            });
            sends.awaitAcknowledged();
            return count;
        } catch (ReplayFailedException e) {
            // The client hears 503; the operator needs the cause, which the answer does not show.
            log.warn("replay of {} failed: {}", scope, e.toString());
            throw e;
        }
    }
}
