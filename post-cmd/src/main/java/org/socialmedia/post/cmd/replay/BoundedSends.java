package org.socialmedia.post.cmd.replay;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.cmd.publication.EventSender;

/**
 * Sends events with at most a fixed number unacknowledged by the broker: each send waits for a
 * free place, which the acknowledgement of an earlier one gives back. Sends stay in the order
 * they were made per partition (one producer), and the first failure stops them all.
 *
 * <p>Not thread-safe: one replay owns it.
 */
final class BoundedSends {

    private final EventSender sender;
    private final int maxInFlight;
    private final Duration ackTimeout;
    private final Semaphore places;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    BoundedSends(EventSender sender, int maxInFlight, Duration ackTimeout) {
        this.sender = sender;
        this.maxInFlight = maxInFlight;
        this.ackTimeout = ackTimeout;
        this.places = new Semaphore(maxInFlight);
    }

    /** @throws ReplayFailedException if an earlier send failed or no place came free in time */
    void send(RecordedEvent event) {
        take(1);
        sender.send(event).whenComplete((acknowledged, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
            places.release();
        });
    }

    /** @throws ReplayFailedException unless every send is acknowledged in time */
    void awaitAcknowledged() {
        take(maxInFlight);
        places.release(maxInFlight);
    }

    private void take(int count) {
        try {
            if (!places.tryAcquire(count, ackTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ReplayFailedException("the broker did not acknowledge the replayed events in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplayFailedException("interrupted while replaying", e);
        }
        Throwable failed = failure.get();
        if (failed != null) {
            throw new ReplayFailedException("the broker did not acknowledge the replayed events", failed);
        }
    }
}
