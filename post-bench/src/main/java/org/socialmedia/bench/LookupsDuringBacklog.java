package org.socialmedia.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lookups by id while post-query's projection applies a backlog, the moment after a burst of
 * commands when the issue saw lookups' tail at its worst. The backlog is real and measured, never
 * assumed: the projection is held back ({@link ProjectionHold}) while a burst of spread commands
 * is sent, so that every event of the burst waits on the topic; then the hold is released, and
 * lookups run from that moment until the projection has applied the last of them (or the phase's
 * limit), with the backlog read from Kafka every few milliseconds beside them.
 */
final class LookupsDuringBacklog {

    /**
     * Well inside post-query's statement timeout (10 s), which a held batch's wait counts against;
     * the burst before the release is what it holds.
     */
    static final Duration LONGEST_HOLD = Duration.ofSeconds(6);
    /** For the events the burst stored to reach the topic before the backlog is read. */
    private static final Duration PUBLICATION_SETTLE = Duration.ofMillis(500);
    private static final long SAMPLE_EVERY_MS = 25;

    record Outcome(long backlogAtStart, long backlogAtEnd, double drainSeconds,
                   LookupLoad.Outcome lookups) {

        boolean drainedDuringPhase() {
            return backlogAtEnd == 0;
        }
    }

    private final SocialLoad social;
    private final LookupLoad lookups;
    private final ProjectionBacklog backlog;
    private final BenchOptions.Target target;

    LookupsDuringBacklog(SocialLoad social, LookupLoad lookups, ProjectionBacklog backlog, BenchOptions.Target target) {
        this.social = social;
        this.lookups = lookups;
        this.backlog = backlog;
        this.target = target;
    }

    /**
     * @param burst how long the commands pile up; at most {@link #LONGEST_HOLD} less the settling time
     * @param limit the longest the lookups run while the backlog drains
     */
    Outcome run(List<SocialLoad.SeededPost> posts, Duration burst, Duration limit) throws Exception {
        Duration withinHold = burst.plus(PUBLICATION_SETTLE).compareTo(LONGEST_HOLD) > 0 ? LONGEST_HOLD.minus(PUBLICATION_SETTLE) : burst;
        long atStart;
        AtomicLong latest = new AtomicLong(-1);
        AtomicLong drainedAt = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try {
            try (ProjectionHold hold = ProjectionHold.take(target)) {
                social.saturate(withinHold);
                Thread.sleep(PUBLICATION_SETTLE.toMillis());
                atStart = backlog.events();
                latest.set(atStart);
            }
            long released = System.nanoTime();
            sampler.scheduleWithFixedDelay(() -> {
                long now = backlog.events();
                latest.set(now);
                if (now == 0) {
                    drainedAt.compareAndSet(0, System.nanoTime());
                }
            }, SAMPLE_EVERY_MS, SAMPLE_EVERY_MS, TimeUnit.MILLISECONDS);
            LookupLoad.Outcome looked = lookups.byId(posts, limit, () -> latest.get() == 0);
            long atEnd = latest.get();
            double drainSeconds = drainedAt.get() == 0 ? Double.NaN : (drainedAt.get() - released) / 1e9;
            return new Outcome(atStart, atEnd, drainSeconds, looked);
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
