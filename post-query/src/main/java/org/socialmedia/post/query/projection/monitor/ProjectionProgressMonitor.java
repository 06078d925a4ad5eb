package org.socialmedia.post.query.projection.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Compares, for the partitions this instance is assigned, the consumer group's committed offsets
 * with the partitions' ends, from outside the projection thread: what it sees stays true while
 * that thread hangs. Two instances each see only their own partitions, so each reports its share.
 */
final class ProjectionProgressMonitor {

    private static final Logger log = LoggerFactory.getLogger(ProjectionProgressMonitor.class);

    private static final Comparator<TopicPartition> PARTITION_ORDER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private final KafkaListenerEndpointRegistry listeners;
    private final String listenerId;
    private final GroupOffsets groupOffsets;
    private final RecordTimestamps timestamps;
    private final Duration stallTimeout;
    private final StallTracker stalls = new StallTracker();
    private volatile ProjectionProgress progress = ProjectionProgress.unknown(Instant.now(), "not observed yet");

    /**
     * @param listenerId   the projection's listener container
     * @param stallTimeout how long records may wait at a committed offset that does not move before
     *                     the partition counts as stalled
     */
    ProjectionProgressMonitor(KafkaListenerEndpointRegistry listeners, String listenerId, GroupOffsets groupOffsets,
                                     RecordTimestamps timestamps, Duration stallTimeout) {
        this.listeners = listeners;
        this.listenerId = listenerId;
        this.groupOffsets = groupOffsets;
        this.timestamps = timestamps;
        this.stallTimeout = stallTimeout;
    }

    ProjectionProgress progress() {
        return progress;
    }

    /** Looks again. Called by one thread at a time, never the projection's. */
    void refresh() {
        Instant now = Instant.now();
        ProjectionProgress previous = progress;
        try {
            progress = observe(now);
        } catch (RuntimeException failure) {
            progress = ProjectionProgress.unknown(now, String.valueOf(failure.getMessage()));
        }
        report(previous, progress);
    }

    private ProjectionProgress observe(Instant now) {
        MessageListenerContainer container = listeners.getListenerContainer(listenerId);
        Collection<TopicPartition> assigned = container == null ? null : container.getAssignedPartitions();
        if (container == null || assigned == null || assigned.isEmpty()) {
            stalls.observe(Map.of(), now);
            return new ProjectionProgress(now, List.of(), null);
        }
        Map<TopicPartition, PartitionOffsets> offsets = groupOffsets.read(container.getGroupId(), assigned);
        Map<TopicPartition, Instant> waitingSince = stalls.observe(offsets, now);
        Map<TopicPartition, Instant> oldestUnapplied = timestamps.writtenAt(waitingSince.keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> offsets.get(partition).committed())));
        List<PartitionProgress> partitions = offsets.keySet().stream()
                .sorted(PARTITION_ORDER)
                .map(partition -> {
                    Instant since = waitingSince.get(partition);
                    boolean stalled = since != null && !since.plus(stallTimeout).isAfter(now);
                    return new PartitionProgress(partition, offsets.get(partition).committed(),
                            offsets.get(partition).recordsWaiting(), since, oldestUnapplied.get(partition), stalled);
                })
                .toList();
        return new ProjectionProgress(now, partitions, null);
    }

    /** Logs changes only: a stall that lasts an hour is one line when it starts and one when it ends. */
    private static void report(ProjectionProgress previous, ProjectionProgress current) {
        if (!current.known() && previous.known()) {
            log.warn("projection progress unknown: {}", current.unknownBecause());
        }
        List<TopicPartition> stalledBefore = previous.stalled().stream().map(PartitionProgress::partition).toList();
        List<TopicPartition> stalledNow = current.stalled().stream().map(PartitionProgress::partition).toList();
        for (PartitionProgress partition : current.stalled()) {
            if (!stalledBefore.contains(partition.partition())) {
                log.warn("projection stalled on {}: {} records waiting at offset {} since {}", partition.partition(),
                        partition.recordsWaiting(), partition.committedOffset(), partition.waitingSince());
            }
        }
        if (current.known()) {
            stalledBefore.stream().filter(partition -> !stalledNow.contains(partition))
                    .forEach(partition -> log.info("projection no longer stalled on {}", partition));
        }
    }
}
