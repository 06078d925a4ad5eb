package org.socialmedia.post.cmd.command;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises commands on the same post within this instance.
 *
 * <p>Correctness does not depend on it: the event store's unique (aggregateId, version) index
 * refuses a second writer, across instances too. But fifty clients liking one post at once would
 * otherwise race fifty ways, and all but one would load, decide and retry again, round after
 * round. Queuing them here turns that into a line with no wasted work; only writers on other
 * instances can still conflict. Locks are striped, so memory stays constant whatever the number
 * of posts, and fair, so a waiting command is not overtaken indefinitely.
 *
 * <p>The wait is bounded: a command whose turn has not come within the timeout gives up with
 * {@link PostBusyException} and frees its request thread, so that a command stuck in the store
 * cannot gather every request thread of the service in the line behind it.
 */
final class PostLocks {

    private final ReentrantLock[] stripes;
    private final Duration timeout;

    PostLocks(int stripes, Duration timeout) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock(true);
        }
        this.timeout = timeout;
    }

    <T> T withLock(UUID postId, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(postId.hashCode(), stripes.length)];
        if (!acquired(lock)) {
            throw new PostBusyException(postId, timeout);
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** The timed tryLock keeps the lock's fairness, unlike the untimed one. */
    private boolean acquired(ReentrantLock lock) {
        try {
            return lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a post's lock", e);
        }
    }
}
