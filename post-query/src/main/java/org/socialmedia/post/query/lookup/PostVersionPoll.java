package org.socialmedia.post.query.lookup;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.socialmedia.cqrs.dispatch.QueryDispatcher;

/**
 * The requests waiting on one post, and the one chain of polls that serves them all: a poll at
 * once when the first one arrives, then one every interval. Each poll completes every waiter
 * whose version is reached and fails every waiter whose time is up. Polls of one post never
 * overlap: asking for one while one runs makes one more run after it, however many ask. A
 * committed change heard meanwhile ({@link #reached}) serves the waiters it satisfies at once,
 * without a poll: the polls are only for what is not heard.
 */
final class PostVersionPoll {

    /** One waiting request: its version, and when it gives up ({@link System#nanoTime()}). */
    static final class Waiter {
        private final long minVersion;
        private final long deadline;
        private final CompletableFuture<Void> reached = new CompletableFuture<>();

        Waiter(long minVersion, long deadline) {
            this.minVersion = minVersion;
            this.deadline = deadline;
        }

        CompletableFuture<Void> reached() {
            return reached;
        }
    }

    private static final long NOT_POLLED_YET = -1;

    private final UUID postId;
    private final QueryDispatcher queries;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final Set<Waiter> waiters = ConcurrentHashMap.newKeySet();
    private final AtomicInteger pollsAsked = new AtomicInteger();
    private final ScheduledFuture<?> ticks;
    /** What the last poll found. Versions only grow, so a waiter at or below it needs no poll of its own. */
    private volatile long lastApplied = NOT_POLLED_YET;

    PostVersionPoll(UUID postId, QueryDispatcher queries, ScheduledExecutorService scheduler, Duration timeout,
                    Duration interval) {
        this.postId = postId;
        this.queries = queries;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.ticks = scheduler.scheduleWithFixedDelay(this::askForPoll, interval.toNanos(), interval.toNanos(),
                TimeUnit.NANOSECONDS);
        askForPoll();
    }

    /** Adds a waiter, for the next poll to serve; see {@link #serveFromLastPoll} for the last one. */
    void add(Waiter waiter) {
        waiters.add(waiter);
    }

    /**
     * Completes the waiter if the last poll already found its version. Call it after {@link #add}
     * and outside any lock: completing runs the waiter's callbacks.
     */
    void serveFromLastPoll(Waiter waiter) {
        if (waiter.minVersion <= lastApplied) {
            waiter.reached.complete(null);
        }
    }

    /** @return whether no one waits any more, so the polls can stop */
    boolean remove(Waiter waiter) {
        waiters.remove(waiter);
        return waiters.isEmpty();
    }

    /** Completes the waiters whose version is applied, and fails those whose time is up. */
    private void serve(long applied) {
        long now = System.nanoTime();
        for (Waiter waiter : waiters) {
            if (applied >= waiter.minVersion) {
                waiter.reached.complete(null);
            } else if (now - waiter.deadline >= 0) {
                waiter.reached.completeExceptionally(new VersionNotReachedException(postId, waiter.minVersion, applied, timeout));
            }
        }
    }

    void stop() {
        ticks.cancel(false);
    }

    /**
     * A committed change brought the post to this version: serves the waiters it satisfies, on the
     * scheduler, as a poll would (the caller may be a thread that must not run their callbacks).
     */
    void reached(long version) {
        scheduler.execute(() -> serve(version));
    }

    /** Polls at once if no poll runs, else once more when it has finished. */
    void askForPoll() {
        if (pollsAsked.getAndIncrement() == 0) {
            scheduler.execute(this::pollWhileAsked);
        }
    }

    private void pollWhileAsked() {
        int answered;
        do {
            answered = pollsAsked.get();
            poll();
        } while (pollsAsked.addAndGet(-answered) != 0);
    }

    private void poll() {
        try {
            long applied = queries.dispatch(new FindPostVersionQuery(postId)).orElse(0);
            // Published before the waiters are read: a waiter added meanwhile is served by serveFromLastPoll.
            lastApplied = applied;
            serve(applied);
        } catch (RuntimeException e) {
            waiters.forEach(waiter -> waiter.reached.completeExceptionally(e));
        }
    }
}
