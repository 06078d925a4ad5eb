package org.socialmedia.post.query.lookup;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.socialmedia.cqrs.dispatch.QueryDispatcher;
import org.socialmedia.post.query.lookup.PostVersionPoll.Waiter;

/**
 * Read-your-writes: waits until the read model has applied a given version of a post.
 *
 * <p>The waiting instance is not necessarily the one consuming that post's partition, so it asks
 * the database (a one-column primary-key read) at a short interval: one chain of polls per post
 * ({@link PostVersionPoll}), however many requests wait on it, so a crowd waiting on one popular
 * post costs the database what one request costs. When this instance's own projection advances a
 * post, {@link #recheck} polls at once instead of waiting for the next interval, which is what
 * keeps the usual wait to the projection's own delay. The polls run on a small scheduler, not on
 * the request thread, so waiting clients do not hold web server threads.
 *
 * <p>They hold connections, though, and memory: at most {@code maxWaiters} requests wait at
 * once, and the next is refused at once ({@link TooManyVersionWaitersException}) rather than
 * queued behind them.
 */
final class VersionAwaiter implements AutoCloseable {

    private final QueryDispatcher queries;
    private final Duration timeout;
    private final Duration pollInterval;
    private final int maxWaiters;
    private final Semaphore places;
    private final ScheduledExecutorService scheduler;
    private final Map<UUID, PostVersionPoll> polls = new ConcurrentHashMap<>();

    VersionAwaiter(QueryDispatcher queries, Duration timeout, Duration pollInterval, int threads, int maxWaiters) {
        this.queries = queries;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.maxWaiters = maxWaiters;
        this.places = new Semaphore(maxWaiters);
        this.scheduler = Executors.newScheduledThreadPool(threads, daemonThreads());
    }

    /**
     * Completes when the post's applied version is at least {@code minVersion}, or exceptionally
     * with {@link VersionNotReachedException} once the timeout has passed.
     *
     * @throws TooManyVersionWaitersException if as many requests as allowed already wait
     */
    CompletableFuture<Void> awaitVersion(UUID postId, long minVersion) {
        if (!places.tryAcquire()) {
            throw new TooManyVersionWaitersException(maxWaiters);
        }
        Waiter waiter = new Waiter(minVersion, System.nanoTime() + timeout.toNanos());
        PostVersionPoll poll = polls.compute(postId, (id, running) -> {
            PostVersionPoll joined = running != null ? running : new PostVersionPoll(id, queries, scheduler, timeout, pollInterval);
            joined.add(waiter);
            return joined;
        });
        poll.serveFromLastPoll(waiter);
        waiter.reached().whenComplete((reached, failure) -> leave(postId, waiter));
        return waiter.reached();
    }

    /** The projection of this instance advanced these posts: their waiters look again now. */
    void recheck(Collection<UUID> postIds) {
        for (UUID postId : postIds) {
            PostVersionPoll poll = polls.get(postId);
            if (poll != null) {
                poll.askForPoll();
            }
        }
    }

    private void leave(UUID postId, Waiter waiter) {
        places.release();
        polls.computeIfPresent(postId, (id, poll) -> {
            if (poll.remove(waiter)) {
                poll.stop();
                return null;
            }
            return poll;
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "min-version-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
