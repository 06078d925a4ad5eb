package org.socialmedia.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How many events post-query's projection has not applied yet, read from Kafka as any operator
 * would: the end of each partition its consumer group reads, less the offset the group committed.
 * The projection commits an offset only after the transaction that applied the records, so this
 * counts every event published and not yet in the read model. It is read afresh on every call,
 * unlike the projection's own gauge, which refreshes every few seconds.
 */
final class ProjectionBacklog implements AutoCloseable {

    /** post-query's consumer group (its {@code spring.kafka.consumer.group-id}). */
    static final String PROJECTION_GROUP = "post-query";
    /**
     * The post events' topic as both services name it by default ({@code app.kafka.topic}). The
     * group's offsets on any other topic (the dead-letter topic's, if it ever committed some) are
     * no backlog of the projection's.
     */
    static final String EVENTS_TOPIC = "social-media-post-events";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final String group;

    ProjectionBacklog(String bootstrapServers, String group) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(config);
        this.group = group;
    }

    /** Events published and not yet applied, over every partition the group has committed on. */
    long events() {
        Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata(group)).entrySet().stream()
                .filter(entry -> entry.getValue() != null && entry.getKey().topic().equals(EVENTS_TOPIC))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (committed.isEmpty()) {
            // Read as "no backlog", a wrong group or topic name would report every backlog as none.
            throw new IllegalStateException("the consumer group " + group + " has committed no offset on " + EVENTS_TOPIC);
        }
        // The last stable offset: records of a producer transaction still open cannot be read yet.
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        var ends = await(admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all());
        return committed.entrySet().stream()
                .mapToLong(entry -> Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset()))
                .sum();
    }

    /** Waits until the projection has applied every published event; false if it had not within the limit. */
    boolean awaitEmpty(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (events() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the projection's offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not tell the projection's offsets", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
