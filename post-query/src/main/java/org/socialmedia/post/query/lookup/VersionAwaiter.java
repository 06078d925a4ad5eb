package org.socialmedia.post.query.lookup;

import java.time.Duration;
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
 * <p>What ends the usual wait is a committed change heard here ({@link #reached}): this
 * instance's own projection says which versions it committed, and every instance hears the
 * others' announcements. Nothing needs to be read then. So that a change that was not heard (the
 * listening connection was lost) delays a waiter but never strands it, the database is also
 * asked (a one-column primary-key read) at a short interval: one chain of polls per post
 * ({@link PostVersionPoll}), however many requests wait on it, so a crowd waiting on one popular
 * post costs the database what one request costs. The polls and the completions run on a small
 * scheduler, not on the request thread, so waiting clients do not hold web server threads.
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

    /** A committed change brought the post to this version: the waiters it satisfies go on now. */
    void reached(UUID postId, long version) {
        PostVersionPoll poll = polls.get(postId);
        if (poll != null) {
            poll.reached(version);
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
