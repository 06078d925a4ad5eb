package org.socialmedia.post.cmd.ratelimit;

import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * One client's allowance: a burst of {@code capacity} commands, then {@code refillTokens} every
 * {@code refillPeriod}, given back smoothly rather than all at the period's end.
 */
record Limit(long capacity, long refillTokens, Duration refillPeriod) {

    Bucket newBucket(TimeMeter clock) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(refillTokens, refillPeriod))
                .withCustomTimePrecision(clock)
                .build();
    }

    /** How long an emptied bucket takes to be full again; a bucket idle that long is as good as a new one. */
    Duration timeToFill() {
        return refillPeriod.multipliedBy(capacity).dividedBy(refillTokens).plusMillis(1);
    }

    /** For a person reading a refusal: "60 at once, then 10 every 1 s". */
    String describe() {
        long millis = refillPeriod.toMillis();
        String period = millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
        return capacity + " at once, then " + refillTokens + " every " + period;
    }
}
