package org.socialmedia.bench;

import java.util.Arrays;

/** Durations recorded by many threads; percentiles are read once the phase is over. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void record(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    synchronized int count() {
        return count;
    }

    /** @param percentile between 0 and 100 */
    synchronized double millis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
    }
}
