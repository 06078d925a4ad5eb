package org.socialmedia.post.query.lookup;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.socialmedia.cqrs.dispatch.QueryDispatcher;

/**
 * Read-your-writes: waits until the read model has applied a given version of a post.
 *
 * <p>The waiting instance is not necessarily the one consuming that post's partition, so it asks
 * the database (a one-column primary-key read) at a short interval. When this instance's own
 * projection advances a post, {@link #recheck} asks at once instead of waiting for the next poll,
 * which is what keeps the usual wait to the projection's own delay. The polls run on a small
 * scheduler, not on the request thread, so waiting clients do not hold web server threads.
 */
public final class VersionAwaiter implements AutoCloseable {

    private final QueryDispatcher queries;
    private final Duration timeout;
    private final Duration pollInterval;
    private final ScheduledExecutorService scheduler;
    private final Map<UUID, Set<Waiter>> waiters = new ConcurrentHashMap<>();

    private record Waiter(UUID postId, long minVersion, long deadline, CompletableFuture<Void> reached) {
    }

    public VersionAwaiter(QueryDispatcher queries, Duration timeout, Duration pollInterval, int threads) {
        this.queries = queries;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.scheduler = Executors.newScheduledThreadPool(threads, daemonThreads());
    }

    /**
     * Completes when the post's applied version is at least {@code minVersion}, or exceptionally
     * with {@link VersionNotReachedException} once the timeout has passed.
     */
    public CompletableFuture<Void> awaitVersion(UUID postId, long minVersion) {
        Waiter waiter = new Waiter(postId, minVersion, System.nanoTime() + timeout.toNanos(), new CompletableFuture<>());
        waiters.computeIfAbsent(postId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
        waiter.reached().whenComplete((done, failure) -> forget(waiter));
        scheduler.execute(() -> poll(waiter, true));
        return waiter.reached();
    }

    /** The projection of this instance advanced these posts: their waiters look again now. */
    public void recheck(Collection<UUID> postIds) {
        for (UUID postId : postIds) {
            for (Waiter waiter : waiters.getOrDefault(postId, Set.of())) {
                scheduler.execute(() -> poll(waiter, false));
            }
        }
    }

    /** @param schedulesNext whether this poll continues the waiter's own chain of polls */
    private void poll(Waiter waiter, boolean schedulesNext) {
        if (waiter.reached().isDone()) {
            return;
        }
        try {
            long applied = queries.dispatch(new FindPostVersionQuery(waiter.postId())).orElse(0);
            if (applied >= waiter.minVersion()) {
                waiter.reached().complete(null);
            } else if (System.nanoTime() - waiter.deadline() >= 0) {
                waiter.reached().completeExceptionally(
                        new VersionNotReachedException(waiter.postId(), waiter.minVersion(), applied, timeout));
            } else if (schedulesNext) {
                scheduler.schedule(() -> poll(waiter, true), pollInterval.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RuntimeException e) {
            waiter.reached().completeExceptionally(e);
        }
    }

    private void forget(Waiter waiter) {
        waiters.computeIfPresent(waiter.postId(), (id, set) -> {
            set.remove(waiter);
            return set.isEmpty() ? null : set;
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
