package org.socialmedia.post.cmd.publication;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.springframework.context.SmartLifecycle;

/**
 * Writes the published flags on a thread of their own, so that the publication thread goes on
 * sending while the store writes the flags of what the broker acknowledged: {@link #outbox()} is
 * the outbox as the relay sees it, whose {@code markPublished} only queues.
 *
 * <p>Why this is safe: a flag is still only set after the broker acknowledged the event, so it
 * never claims more than is true; it may claim less for a moment, and then a scan or another
 * instance waiting for a predecessor sees the event as unpublished and publishes it again, which
 * consumers skip by version. Flags that could not be written end the same way when the process
 * dies; when the store did not answer, this instance's next scan finds the events again, knows it
 * sent them, and flags them without sending them again. When the queue is full the caller writes the flags itself, which
 * slows publication down to what the store can take instead of holding more in the heap.
 *
 * <p>It stops after the publication worker (a lower phase) and writes what is still queued.
 */
class DeferredPublishedMarks implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeferredPublishedMarks.class);
    private static final long IDLE_POLL_MILLIS = 100;

    private final Outbox outbox;
    private final int batchSize;
    private final BlockingQueue<RecordedEvent> acknowledged;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final Outbox queueing = new QueueingOutbox();
    private volatile boolean running;
    private @Nullable Thread thread;

    DeferredPublishedMarks(Outbox outbox, int batchSize, int capacity) {
        this.outbox = outbox;
        this.batchSize = batchSize;
        this.acknowledged = new LinkedBlockingQueue<>(capacity);
    }

    /** The outbox, except that marking published queues the flags for this thread to write. */
    Outbox outbox() {
        return queueing;
    }

    private void queue(Collection<RecordedEvent> published) {
        List<RecordedEvent> overflow = new ArrayList<>();
        for (RecordedEvent event : published) {
            if (overflow.isEmpty() && acknowledged.offer(event)) {
                queued.incrementAndGet();
            } else {
                overflow.add(event);
            }
        }
        if (!overflow.isEmpty()) {
            outbox.markPublished(overflow);
        }
    }

    /**
     * Waits until the flags queued so far are written (or given up), for a scan of the outbox
     * that must not find again what was just published.
     */
    void awaitWritten(Duration timeout) throws InterruptedException {
        long target = queued.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handled.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "event-published-marks");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Below the publication worker's phase: started before it, stopped after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void run() {
        while (running || !acknowledged.isEmpty()) {
            try {
                RecordedEvent first = acknowledged.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<RecordedEvent> batch = new ArrayList<>(batchSize);
                batch.add(first);
                acknowledged.drainTo(batch, batchSize - 1);
                writeFlags(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void writeFlags(List<RecordedEvent> batch) {
        try {
            outbox.markPublished(batch);
        } catch (RuntimeException e) {
            // Published all the same; left unflagged, a later scan finds them and flags them again.
            log.warn("could not mark {} published events, a later scan will: {}", batch.size(), e.toString());
        } finally {
            handled.addAndGet(batch.size());
        }
    }

    private final class QueueingOutbox implements Outbox {

        @Override
        public void markPublished(Collection<RecordedEvent> published) {
            queue(published);
        }

        @Override
        public List<RecordedEvent> unpublishedBefore(Instant storedBefore, int limit) {
            return outbox.unpublishedBefore(storedBefore, limit);
        }

        @Override
        public boolean isPublished(UUID aggregateId, long version) {
            return outbox.isPublished(aggregateId, version);
        }

        @Override
        public long countUnpublished() {
            return outbox.countUnpublished();
        }
    }
}
