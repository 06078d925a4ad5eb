package org.socialmedia.post.query.projection.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads when records were written, with a consumer of its own that only assigns and seeks. It
 * belongs to no consumer group, so it can neither commit an offset nor disturb the projection's
 * group. A Kafka consumer is for one thread at a time: only the monitor calls it, one refresh
 * after the other.
 *
 * <p>The record at an offset never changes, so each one is fetched once and remembered for as
 * long as a partition waits at that offset: a stalled partition costs no fetch after the first.
 */
final class RecordTimestamps implements AutoCloseable {

    private record Timestamp(long offset, Instant writtenAt) {
    }

    private final Consumer<byte[], byte[]> consumer;
    private final Duration timeout;
    private final Map<TopicPartition, Timestamp> known = new HashMap<>();

    /** @param consumerConfig the application's consumer settings (brokers, security); its group is left out */
    RecordTimestamps(Map<String, Object> consumerConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Only the first record of each partition is wanted; a fetch still returns a whole first batch.
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1);
        config.merge(ConsumerConfig.CLIENT_ID_CONFIG, "projection-monitor", (configured, monitor) -> configured + "-" + monitor);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.timeout = timeout;
    }

    /**
     * When the record at each given offset was written (or the first readable one after it). A
     * partition whose record did not arrive within the timeout is left out.
     */
    Map<TopicPartition, Instant> writtenAt(Map<TopicPartition, Long> offsets) {
        known.entrySet().removeIf(entry -> !Objects.equals(offsets.get(entry.getKey()), entry.getValue().offset()));
        Map<TopicPartition, Long> unknown = new HashMap<>(offsets);
        unknown.keySet().removeAll(known.keySet());
        if (!unknown.isEmpty()) {
            fetch(unknown);
        }
        Map<TopicPartition, Instant> found = new HashMap<>();
        known.forEach((partition, timestamp) -> found.put(partition, timestamp.writtenAt()));
        return found;
    }

    private void fetch(Map<TopicPartition, Long> offsets) {
        consumer.assign(offsets.keySet());
        offsets.forEach(consumer::seek);
        Set<TopicPartition> missing = new HashSet<>(offsets.keySet());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                // Records come in offset order per partition: the first one seen is the one wanted.
                if (missing.remove(partition)) {
                    known.put(partition, new Timestamp(offsets.get(partition), Instant.ofEpochMilli(record.timestamp())));
                }
            }
        }
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(timeout));
    }
}
