package org.socialmedia.post.query.projection.monitor;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * Remembers, per partition, since when its committed offset has stood still while records waited.
 *
 * <p>The clock starts when a partition is first seen with records waiting at an offset, not at its
 * last commit: an idle partition that has just received a record has waited since that record,
 * however long it was idle before. It stops when the offset moves or nothing waits any more.
 */
final class StallTracker {

    private record Standstill(long offset, Instant since) {
    }

    private final Map<TopicPartition, Standstill> standstills = new HashMap<>();

    /**
     * @param offsets every partition this instance is assigned now; the others are forgotten
     * @return for each partition with records waiting, since when it has been waiting at its offset
     */
    Map<TopicPartition, Instant> observe(Map<TopicPartition, PartitionOffsets> offsets, Instant now) {
        standstills.keySet().retainAll(offsets.keySet());
        Map<TopicPartition, Instant> waitingSince = new HashMap<>();
        offsets.forEach((partition, position) -> {
            Standstill standstill = standstills.get(partition);
            if (position.recordsWaiting() == 0) {
                standstills.remove(partition);
                return;
            }
            if (standstill == null || standstill.offset() != position.committed()) {
                standstill = new Standstill(position.committed(), now);
                standstills.put(partition, standstill);
            }
            waitingSince.put(partition, standstill.since());
        });
        return waitingSince;
    }
}
