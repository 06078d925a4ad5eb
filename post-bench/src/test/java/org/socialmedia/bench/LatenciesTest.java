package org.socialmedia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static Latencies oneToHundredMillis() {
        Latencies latencies = new Latencies();
        // Recorded out of order, as threads finish.
        IntStream.rangeClosed(1, 100).map(i -> 101 - i).forEach(ms -> latencies.record(TimeUnit.MILLISECONDS.toNanos(ms)));
        return latencies;
    }

    @Test
    void aPercentileIsTheNearestRankInMilliseconds() {
        Latencies latencies = oneToHundredMillis();

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.millis(50)).isEqualTo(50.0);
        assertThat(latencies.millis(99)).isEqualTo(99.0);
        assertThat(latencies.millis(100)).isEqualTo(100.0);
        assertThat(latencies.millis(0)).isEqualTo(1.0);
    }

    @Test
    void aPercentileBetweenRanksRoundsUp() {
        Latencies latencies = new Latencies();
        latencies.record(1_000_000);
        latencies.record(3_000_000);

        assertThat(latencies.millis(50)).isEqualTo(1.0);
        assertThat(latencies.millis(51)).isEqualTo(3.0);
    }

    @Test
    void nothingRecordedHasNoPercentile() {
        assertThat(new Latencies().millis(50)).isNaN();
    }

    @Test
    void keepsEveryDurationRecordedByManyThreads() {
        Latencies latencies = new Latencies();

        IntStream.range(0, 8).parallel().forEach(thread -> IntStream.range(0, 1_000).forEach(i -> latencies.record(1_000)));

        assertThat(latencies.count()).isEqualTo(8_000);
        assertThat(latencies.millis(99)).isEqualTo(0.001);
    }
}
