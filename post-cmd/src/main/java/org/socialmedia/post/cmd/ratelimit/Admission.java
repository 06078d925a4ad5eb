package org.socialmedia.post.cmd.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * Whether a client's command may go on and, when not, how many whole seconds until it may: a
 * {@code Retry-After} of 0 would invite an immediate retry that is refused again.
 */
record Admission(boolean admitted, long retryAfterSeconds) {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    static Admission of(ConsumptionProbe probe) {
        return probe.isConsumed() ? new Admission(true, 0) : new Admission(false, retryAfterSeconds(probe.getNanosToWaitForRefill()));
    }

    /** Rounded up, so that a client that waits as told finds a command's worth in its bucket; never below one. */
    static long retryAfterSeconds(long nanosToWait) {
        long seconds = nanosToWait / NANOS_PER_SECOND;
        if (nanosToWait % NANOS_PER_SECOND != 0) {
            seconds++;
        }
        return Math.max(1, seconds);
    }
}
