package org.socialmedia.post.query.projection.monitor;

import java.time.Instant;

import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * One partition of this instance, as the monitor last saw it.
 *
 * @param committedOffset   the offset of the next record to apply
 * @param recordsWaiting    records from there to the partition's end
 * @param waitingSince      since when records have waited at this offset; null if none wait
 * @param oldestUnappliedAt when the record at the committed offset was written; null if none waits, or if
 *                          it could not be read in time
 * @param stalled           whether records have waited at this offset for longer than the stall timeout
 */
record PartitionProgress(TopicPartition partition, long committedOffset, long recordsWaiting,
                         @Nullable Instant waitingSince, @Nullable Instant oldestUnappliedAt, boolean stalled) {
}
