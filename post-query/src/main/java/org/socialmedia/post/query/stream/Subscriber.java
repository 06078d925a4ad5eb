package org.socialmedia.post.query.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socialmedia.post.query.readmodel.AnnouncedChange;

/**
 * One open stream. Whoever hears a change only puts it in this subscriber's bounded queue and
 * never waits: the queue is written to the client by one sender task at a time, so the client's
 * events keep their order, and a client that reads slowly or not at all holds up nobody but
 * itself. When its queue is full, what it missed is dropped and counted, and it is told to
 * refetch, which tells it more than the dropped changes would have.
 */
final class Subscriber {

    private static final Logger log = LoggerFactory.getLogger(Subscriber.class);

    /** Messages one sender task writes before it lets other subscribers' tasks have the thread. */
    private static final int BURST = 64;

    private final SubscriberFilter filter;
    private final BlockingQueue<StreamMessage> queue;
    private final StreamSink sink;
    private final Executor sender;
    private final StreamMetrics metrics;
    private final Consumer<Subscriber> onClose;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** A refetch jumps the queue: everything queued before it is superseded. */
    private final AtomicReference<@Nullable RefetchReason> refetch = new AtomicReference<>();
    private final AtomicReference<@Nullable Duration> retry = new AtomicReference<>();

    Subscriber(SubscriberFilter filter, int queueSize, StreamSink sink, Executor sender, StreamMetrics metrics,
               Consumer<Subscriber> onClose) {
        this.filter = filter;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.sink = sink;
        this.sender = sender;
        this.metrics = metrics;
        this.onClose = onClose;
    }

    /** Goes out before anything else, whatever is queued or discarded meanwhile. */
    void retryFirst(Duration delay) {
        retry.set(delay);
        schedule();
    }

    /** Queues the change if this subscriber asked for it; never blocks. */
    void offer(AnnouncedChange change) {
        if (filter.accepts(change) && !enqueue(new StreamMessage.Change(change))) {
            metrics.dropped(1);
            refetch(RefetchReason.FELL_BEHIND);
        }
    }

    /** Skipped when messages are queued anyway: they keep the connection busy enough. */
    void heartbeat() {
        enqueue(new StreamMessage.Heartbeat());
    }

    void refetch(RefetchReason reason) {
        if (refetch.getAndSet(reason) == null) {
            metrics.refetch(reason);
        }
        schedule();
    }

    /** Ends the stream once, whoever notices first: a failed write, the container, the shutdown. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            metrics.dropped(discardQueuedChanges());
            sink.close();
            onClose.accept(this);
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    private boolean enqueue(StreamMessage message) {
        if (closed.get()) {
            return true;
        }
        boolean queued = queue.offer(message);
        if (queued) {
            schedule();
        }
        return queued;
    }

    private void schedule() {
        if (!closed.get() && sending.compareAndSet(false, true)) {
            try {
                sender.execute(this::send);
            } catch (RejectedExecutionException shuttingDown) {
                sending.set(false);
                close();
            }
        }
    }

    private void send() {
        try {
            for (int sent = 0; sent < BURST && !closed.get(); sent++) {
                Duration delay = retry.getAndSet(null);
                RefetchReason reason = delay == null ? refetch.getAndSet(null) : null;
                StreamMessage message;
                if (delay != null) {
                    message = new StreamMessage.Retry(delay);
                } else if (reason != null) {
                    metrics.dropped(discardQueuedChanges());
                    message = new StreamMessage.Refetch(reason.code());
                } else {
                    message = queue.poll();
                    if (message == null) {
                        break;
                    }
                }
                sink.send(message);
                if (message instanceof StreamMessage.Change) {
                    metrics.sent();
                }
            }
        } catch (IOException | RuntimeException gone) {
            log.debug("stream closed: {}", gone.toString());
            close();
        } finally {
            sending.set(false);
        }
        if (!queue.isEmpty() || refetch.get() != null || retry.get() != null) {
            schedule();
        }
    }

    /** Empties the queue and counts the changes in it. */
    private int discardQueuedChanges() {
        List<StreamMessage> discarded = new ArrayList<>();
        queue.drainTo(discarded);
        return (int) discarded.stream().filter(StreamMessage.Change.class::isInstance).count();
    }
}
