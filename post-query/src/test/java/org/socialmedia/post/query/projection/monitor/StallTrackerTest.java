package org.socialmedia.post.query.projection.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class StallTrackerTest {

    private static final TopicPartition PARTITION = new TopicPartition("posts", 0);
    private static final Instant START = Instant.parse("2026-11-22T14:00:00Z");

    private final StallTracker tracker = new StallTracker();

    private Map<TopicPartition, Instant> observe(long committed, long end, long secondsLater) {
        return tracker.observe(Map.of(PARTITION, new PartitionOffsets(committed, end)), START.plusSeconds(secondsLater));
    }

    @Test
    void aPartitionWithNothingWaitingIsNotWaiting() {
        assertThat(observe(10, 10, 0)).isEmpty();
    }

    @Test
    void recordsWaitAtAnOffsetSinceTheyWereFirstSeenThere() {
        observe(10, 12, 0);

        assertThat(observe(10, 15, 30)).containsEntry(PARTITION, START);
    }

    @Test
    void anIdlePartitionThatJustReceivedARecordHasWaitedOnlySinceThen() {
        observe(10, 10, 0);
        observe(10, 10, 600);

        assertThat(observe(10, 11, 601)).containsEntry(PARTITION, START.plusSeconds(601));
    }

    @Test
    void aCommitRestartsTheClock() {
        observe(10, 20, 0);

        assertThat(observe(15, 20, 30)).containsEntry(PARTITION, START.plusSeconds(30));
    }

    @Test
    void catchingUpForgetsTheWait() {
        observe(10, 20, 0);
        observe(20, 20, 30);

        assertThat(observe(20, 21, 40)).containsEntry(PARTITION, START.plusSeconds(40));
    }

    @Test
    void aPartitionNoLongerAssignedIsForgotten() {
        observe(10, 20, 0);
        tracker.observe(Map.of(), START.plusSeconds(10));

        assertThat(observe(10, 20, 30)).containsEntry(PARTITION, START.plusSeconds(30));
    }
}
