package org.socialmedia.post.query.projection.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ProjectionProgressTest {

    private static final Instant NOW = Instant.parse("2026-11-22T14:00:00Z");

    private static PartitionProgress partition(int number, long recordsWaiting, @Nullable Instant oldestUnappliedAt) {
        return new PartitionProgress(new TopicPartition("posts", number), 10, recordsWaiting,
                recordsWaiting == 0 ? null : NOW, oldestUnappliedAt, false);
    }

    @Test
    void theOldestUnappliedAgeIsThatOfTheOldestRecordWaitingOnAnyPartition() {
        ProjectionProgress progress = new ProjectionProgress(NOW, List.of(
                partition(0, 3, NOW.minusSeconds(5)), partition(1, 1, NOW.minusSeconds(42)), partition(2, 0, null)), null);

        assertThat(progress.recordsWaiting()).isEqualTo(4);
        assertThat(progress.oldestUnappliedAge()).contains(Duration.ofSeconds(42));
    }

    @Test
    void nothingWaitingIsNoLag() {
        ProjectionProgress progress = new ProjectionProgress(NOW, List.of(partition(0, 0, null)), null);

        assertThat(progress.oldestUnappliedAge()).contains(Duration.ZERO);
    }

    @Test
    void aWaitingRecordThatCouldNotBeReadMakesTheAgeUnknown() {
        ProjectionProgress progress = new ProjectionProgress(NOW, List.of(
                partition(0, 3, NOW.minusSeconds(5)), partition(1, 1, null)), null);

        assertThat(progress.oldestUnappliedAge()).isEmpty();
    }

    @Test
    void aRecordStampedAheadOfThisClockHasNotWaited() {
        ProjectionProgress progress = new ProjectionProgress(NOW, List.of(partition(0, 1, NOW.plusSeconds(2))), null);

        assertThat(progress.oldestUnappliedAge()).contains(Duration.ZERO);
    }
}
