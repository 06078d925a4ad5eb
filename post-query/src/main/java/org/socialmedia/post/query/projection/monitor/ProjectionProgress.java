package org.socialmedia.post.query.projection.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The projection on this instance's partitions as the monitor last saw it, or why it could not.
 *
 * @param partitions     the partitions assigned to this instance then, in partition order
 * @param unknownBecause null when the partitions were seen; otherwise what kept the monitor from seeing them
 */
record ProjectionProgress(Instant observedAt, List<PartitionProgress> partitions, @Nullable String unknownBecause) {

    ProjectionProgress {
        partitions = List.copyOf(partitions);
    }

    static ProjectionProgress unknown(Instant observedAt, String because) {
        return new ProjectionProgress(observedAt, List.of(), because);
    }

    boolean known() {
        return unknownBecause == null;
    }

    long recordsWaiting() {
        return partitions.stream().mapToLong(PartitionProgress::recordsWaiting).sum();
    }

    /** How long the oldest record that waits had waited when it was seen; zero when none waits. */
    Duration oldestUnappliedAge() {
        return partitions.stream()
                .map(PartitionProgress::oldestUnappliedAt)
                .filter(Objects::nonNull)
                .map(writtenAt -> Duration.between(writtenAt, observedAt))
                .filter(age -> !age.isNegative())
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    List<PartitionProgress> stalled() {
        return partitions.stream().filter(PartitionProgress::stalled).toList();
    }
}
