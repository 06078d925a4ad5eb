package org.socialmedia.testsupport.topic;

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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.wire.PostEventCodec;

/**
 * One topic as a test sees it: everything on it now, read with a plain consumer from the
 * beginning of every partition to its current end, and records written straight to it, as
 * anything else on the broker could.
 */
public final class TopicRecords {

    private static final PostEventCodec CODEC = new PostEventCodec();
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);

    /** A record to write; a null value is a tombstone. */
    public record Written(String key, String value) {
    }

    private final String bootstrapServers;
    private final String topic;

    public TopicRecords(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /** Every record now on the topic, each partition in offset order; none if the topic does not exist. */
    public List<ConsumerRecord<String, String>> all() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return records;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + READ_LIMIT.toSeconds() + " s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Every post event on the topic, decoded, in the order of {@link #all()}; duplicates included. */
    public List<RecordedEvent> events() {
        return all().stream().map(record -> CODEC.decode(record.value())).toList();
    }

    /** The post's events in the order they are on the topic, duplicates included. */
    public List<RecordedEvent> eventsOf(UUID post) {
        return all().stream()
                .filter(record -> post.toString().equals(record.key()))
                .map(record -> CODEC.decode(record.value()))
                .toList();
    }

    /** Writes the records in this order and waits for the broker's acknowledgement. */
    public void write(List<Written> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (Written record : records) {
                producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
            }
            producer.flush();
        }
    }

    /**
     * The versions in the order of their first delivery. At-least-once allows a version to come
     * again later; in-order means first deliveries never skip or go back.
     */
    public static List<Long> firstDeliveries(List<RecordedEvent> events) {
        Set<Long> seen = new LinkedHashSet<>();
        events.forEach(event -> seen.add(event.version()));
        return List.copyOf(seen);
    }
}
