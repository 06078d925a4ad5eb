package org.socialmedia.post.query.projection.monitor;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Refreshes the projection's progress and the parked events every interval, on threads of its
 * own: when the projection thread hangs, these are the threads that say so. Each refresh has a
 * thread, so a database that does not answer cannot hold back the lag, which Kafka alone tells.
 */
final class ProjectionMonitor implements SmartLifecycle {

    private final ProjectionProgressMonitor progress;
    private final ParkedEventsMonitor parkedEvents;
    private final Duration interval;
    private final Duration timeout;
    private @Nullable ScheduledExecutorService threads;

    /** @param timeout how long one call of a refresh may take; stopping waits as long for one under way */
    ProjectionMonitor(ProjectionProgressMonitor progress, ParkedEventsMonitor parkedEvents, Duration interval,
                             Duration timeout) {
        this.progress = progress;
        this.parkedEvents = parkedEvents;
        this.interval = interval;
        this.timeout = timeout;
    }

    @Override
    public synchronized void start() {
        AtomicInteger count = new AtomicInteger();
        threads = Executors.newScheduledThreadPool(2, task -> {
            Thread thread = new Thread(task, "projection-monitor-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // A fixed delay, not a fixed rate: a slow refresh delays the next one instead of piling up behind it.
        threads.scheduleWithFixedDelay(progress::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        threads.scheduleWithFixedDelay(parkedEvents::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (threads == null) {
            return;
        }
        threads.shutdownNow();
        try {
            // Interrupted, a call to Kafka returns at once; the Kafka clients are closed after this
            // and must not be in use by then.
            threads.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return threads != null;
    }
}
