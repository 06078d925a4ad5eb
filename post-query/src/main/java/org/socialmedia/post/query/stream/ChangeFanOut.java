package org.socialmedia.post.query.stream;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import org.socialmedia.post.query.readmodel.AnnouncedChange;

/**
 * This instance's subscribers and the recent changes they may resume from. Publishing a change
 * and subscribing with a {@code Last-Event-ID} exclude each other, so a resuming client gets
 * every later change exactly once: from the replay or live, never both, never neither. Both only
 * put messages in queues, so the lock is held for microseconds.
 */
final class ChangeFanOut {

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final RecentChanges recent;
    private final int maxSubscribers;
    private final int queueSize;
    private final Duration clientRetry;
    private final Executor sender;
    private final StreamMetrics metrics;
    private final Object lock = new Object();
    private boolean closed;

    ChangeFanOut(StreamProperties properties, Executor sender, StreamMetrics metrics) {
        this.recent = new RecentChanges(properties.replaySize());
        this.maxSubscribers = properties.maxSubscribers();
        this.queueSize = properties.queueSize();
        this.clientRetry = properties.clientRetry();
        this.sender = sender;
        this.metrics = metrics;
    }

    /**
     * @param lastEventId the id of the last event the client saw, if it is resuming: the changes
     *                    heard since are queued for it, or it is told to refetch if that id is not remembered
     * @throws TooManySubscribersException when this instance serves as many streams as it may
     */
    Subscriber subscribe(SubscriberFilter filter, @Nullable String lastEventId, StreamSink sink) {
        synchronized (lock) {
            if (closed) {
                throw new ShuttingDownException();
            }
            if (subscribers.size() >= maxSubscribers) {
                throw new TooManySubscribersException(maxSubscribers);
            }
            Subscriber subscriber = new Subscriber(filter, queueSize, sink, sender, metrics, subscribers::remove);
            subscriber.retryFirst(clientRetry);
            if (lastEventId != null) {
                Optional<List<AnnouncedChange>> missed = sequence(lastEventId).flatMap(recent::after);
                if (missed.isPresent()) {
                    missed.get().forEach(subscriber::offer);
                } else {
                    subscriber.refetch(RefetchReason.UNKNOWN_LAST_EVENT_ID);
                }
            }
            subscribers.add(subscriber);
            return subscriber;
        }
    }

    void publish(AnnouncedChange change) {
        synchronized (lock) {
            recent.add(change);
            subscribers.forEach(subscriber -> subscriber.offer(change));
        }
    }

    /** The changes heard so far may have a gap after them: nobody may resume from them, everybody refetches. */
    void gapInChanges() {
        synchronized (lock) {
            recent.clear();
            subscribers.forEach(subscriber -> subscriber.refetch(RefetchReason.LISTENER_RECONNECTED));
        }
    }

    void heartbeat() {
        subscribers.forEach(Subscriber::heartbeat);
    }

    /**
     * At shutdown: the clients reconnect, to another instance or to this one once it is back; new
     * ones are turned away, since nothing would reach them any more.
     */
    void closeAll() {
        synchronized (lock) {
            closed = true;
        }
        List.copyOf(subscribers).forEach(Subscriber::close);
    }

    int size() {
        return subscribers.size();
    }

    private static Optional<Long> sequence(String lastEventId) {
        try {
            return Optional.of(Long.parseLong(lastEventId.trim()));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }
}
