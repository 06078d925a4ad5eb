package org.socialmedia.post.cmd.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.wire.PostEventCodec;

/** Everything currently on the topic, read from the beginning of every partition. */
final class TopicRecords {

    private static final PostEventCodec CODEC = new PostEventCodec();

    private final String bootstrapServers;
    private final String topic;

    TopicRecords(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    List<ConsumerRecord<String, String>> all() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The post's events in the order they are on the topic, duplicates included. */
    List<RecordedEvent> eventsOf(UUID post) {
        return all().stream()
                .filter(record -> post.toString().equals(record.key()))
                .map(record -> CODEC.decode(record.value()))
                .toList();
    }

    /**
     * The versions in the order of their first delivery. At-least-once allows a version to come
     * again later; in-order means first deliveries never skip or go back.
     */
    static List<Long> firstDeliveries(List<RecordedEvent> events) {
        Set<Long> seen = new LinkedHashSet<>();
        events.forEach(event -> seen.add(event.version()));
        return List.copyOf(seen);
    }
}
