package org.socialmedia.post.query.projection.monitor;

/**
 * Where the projection's consumer group stands on one partition.
 *
 * @param committed the offset of the next record to apply
 * @param end       the partition's last stable offset: the next record a read_committed consumer will see
 */
record PartitionOffsets(long committed, long end) {

    long recordsWaiting() {
        return Math.max(0, end - committed);
    }
}
