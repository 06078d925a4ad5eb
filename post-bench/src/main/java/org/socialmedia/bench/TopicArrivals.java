package org.socialmedia.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.socialmedia.testsupport.api.Http;

/**
 * When each event reached the post event topic, as a consumer of the benchmark's own sees it: it
 * reads every partition from its end when the watch starts, with no consumer group, beside the
 * projection. It splits freshness in two: publication (store to topic) and projection (topic to
 * read model to lookup).
 */
final class TopicArrivals implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    /** {@link System#nanoTime()} of each (post, version)'s first arrival. */
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private volatile boolean watching = true;

    private TopicArrivals(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
        this.reader = new Thread(this::read, "topic-arrivals");
        reader.setDaemon(true);
    }

    /** Watches from now on: only events that reach the topic after this returns are seen. */
    static TopicArrivals watch(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // As the projection reads: nothing a producer has not committed.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(ProjectionBacklog.EVENTS_TOPIC).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolves the end offsets now, before the load, rather than at the first poll.
        partitions.forEach(consumer::position);
        TopicArrivals watch = new TopicArrivals(consumer);
        watch.reader.start();
        return watch;
    }

    /** When the event arrived, waiting for it up to {@code limit}; empty if it did not within it. */
    Optional<Long> await(UUID post, long version, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String key = key(post.toString(), version);
        Long arrived;
        while ((arrived = arrivals.get(key)) == null && System.nanoTime() < deadline) {
            sleepBriefly();
        }
        return Optional.ofNullable(arrived);
    }

    private void read() {
        try {
            while (watching) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.nanoTime();
                for (ConsumerRecord<String, String> record : records) {
                    long version = Http.JSON.readTree(record.value()).path("version").asLong();
                    arrivals.putIfAbsent(key(record.key(), version), now);
                }
            }
        } catch (WakeupException closing) {
            // close() ends the watch.
        } finally {
            consumer.close();
        }
    }

    private static String key(String post, long version) {
        return post + "/" + version;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        watching = false;
        consumer.wakeup();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
