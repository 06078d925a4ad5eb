package org.socialmedia.post.query.lookup;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
 * the database (a one-column primary-key read) at a short interval instead of listening for the
 * projection in memory. The polls run on a small scheduler, not on the request thread, so
 * waiting clients do not hold web server threads.
 */
public final class VersionAwaiter implements AutoCloseable {

    private final QueryDispatcher queries;
    private final Duration timeout;
    private final Duration pollInterval;
    private final ScheduledExecutorService scheduler;

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
        CompletableFuture<Void> reached = new CompletableFuture<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        scheduler.execute(() -> poll(postId, minVersion, deadline, reached));
        return reached;
    }

    private void poll(UUID postId, long minVersion, long deadline, CompletableFuture<Void> reached) {
        try {
            long applied = queries.dispatch(new FindPostVersionQuery(postId)).orElse(0);
            if (applied >= minVersion) {
                reached.complete(null);
            } else if (System.nanoTime() - deadline >= 0) {
                reached.completeExceptionally(new VersionNotReachedException(postId, minVersion, applied, timeout));
            } else {
                scheduler.schedule(() -> poll(postId, minVersion, deadline, reached), pollInterval.toNanos(),
                        TimeUnit.NANOSECONDS);
            }
        } catch (RuntimeException e) {
            reached.completeExceptionally(e);
        }
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
