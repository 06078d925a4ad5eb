package org.socialmedia.post.query.projection.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /**
     * How long the oldest record that waits had waited when it was seen: zero when none waits,
     * empty when a partition has records waiting whose oldest could not be read.
     */
    Optional<Duration> oldestUnappliedAge() {
        Duration oldest = Duration.ZERO;
        for (PartitionProgress partition : partitions) {
            if (partition.recordsWaiting() == 0) {
                continue;
            }
            Instant writtenAt = partition.oldestUnappliedAt();
            if (writtenAt == null) {
                return Optional.empty();
            }
            Duration age = Duration.between(writtenAt, observedAt);
            oldest = age.compareTo(oldest) > 0 ? age : oldest;
        }
        return Optional.of(oldest);
    }

    List<PartitionProgress> stalled() {
        return partitions.stream().filter(PartitionProgress::stalled).toList();
    }
}
