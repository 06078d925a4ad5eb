package org.socialmedia.post.cmd.publication;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the publication thread when there is something for it: events just stored, or the
 * broker's acknowledgements of events in flight, which complete on the producer's I/O thread. A
 * ring that comes while the thread is busy is kept, so the next wait returns at once and nothing
 * is missed between the thread's last look and its wait.
 */
final class PublicationWakeUp {

    private final Semaphore rings = new Semaphore(0);

    /** Cheap and non-blocking: called from command threads and the producer's I/O thread. */
    void ring() {
        if (rings.availablePermits() == 0) {
            rings.release();
        }
    }

    /** Waits for a ring, at most the given time; several rings since the last wait count as one. */
    void await(Duration atMost) throws InterruptedException {
        if (rings.tryAcquire(atMost.toNanos(), TimeUnit.NANOSECONDS)) {
            rings.drainPermits();
        }
    }
}
