package org.socialmedia.post.cmd.application;

import java.util.UUID;
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
 */
public final class PostLocks {

    private final ReentrantLock[] stripes;

    public PostLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock(true);
        }
    }

    public <T> T withLock(UUID postId, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(postId.hashCode(), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
