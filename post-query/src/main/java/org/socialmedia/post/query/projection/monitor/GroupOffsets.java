package org.socialmedia.post.query.projection.monitor;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AbstractOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads, with an admin client of its own, where a consumer group stands on some partitions and
 * where they end. Each call gives up after the timeout, whatever state the broker is in.
 */
final class GroupOffsets implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;

    /** @param adminConfig the application's admin client settings (brokers, security) */
    GroupOffsets(Map<String, Object> adminConfig, Duration timeout) {
        this.admin = Admin.create(adminConfig);
        this.timeout = timeout;
    }

    /**
     * The end is the last stable offset: records of a transaction still open are not waiting for
     * the projection yet, it cannot read them. A partition the group never committed on is read
     * from its beginning, as the projection's consumer does ({@code auto-offset-reset: earliest}).
     *
     * @throws MonitorException if the broker did not answer in time
     */
    Map<TopicPartition, PartitionOffsets> read(String groupId, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(
                        Map.of(groupId, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)),
                        withTimeout(new ListConsumerGroupOffsetsOptions()))
                .partitionsToOffsetAndMetadata(groupId));
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> beginnings = offsets(
                partitions.stream().filter(partition -> committed.get(partition) == null).toList(), OffsetSpec.earliest());
        Map<TopicPartition, PartitionOffsets> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata position = committed.get(partition);
            long next = position != null ? position.offset() : beginnings.get(partition);
            offsets.put(partition, new PartitionOffsets(next, ends.get(partition)));
        }
        return offsets;
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = await(admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)),
                withTimeout(new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))).all());
        return found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private <T extends AbstractOptions<T>> T withTimeout(T options) {
        return options.timeoutMs((int) timeout.toMillis());
    }

    private <T> T await(KafkaFuture<T> answer) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MonitorException("interrupted while asking Kafka for offsets", e);
        } catch (ExecutionException e) {
            throw new MonitorException("Kafka did not give the offsets: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new MonitorException("Kafka did not give the offsets within " + timeout, e);
        }
    }

    @Override
    public void close() {
        admin.close(timeout);
    }
}
