package org.socialmedia.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * What the infrastructure alone can do in this same run: single-document inserts with the same
 * driver and concurrency, and a plain producer at the same message size. Commands are judged as
 * a fraction of these, which cancels out how busy the shared machine happens to be.
 */
final class RawCeiling {

    static final String SAMPLE_ENVELOPE = """
            {"eventId":"0b6f1f8e-5d0c-4c55-9d5e-2c8d1c1f3a01","type":"CommentAdded","aggregateId":"4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60",\
            "aggregateType":"Post","version":12,"occurredAt":"2026-11-22T14:00:00.123Z","metadata":{"correlationId":"9d5e2c8d-1c1f-3a01-0b6f-1f8e5d0c4c55"},\
            "data":{"commentId":"7a1e5a43-3cb5-4c1e-a1f4-6a4e0f1b2c3d","username":"reader-42","comment":"a comment","commentDate":"2026-11-22T14:00:00.123Z"}}""";

    private final BenchOptions.Target target;
    private final int clients;

    RawCeiling(BenchOptions.Target target, int clients) {
        this.target = target;
        this.clients = clients;
    }

    double mongoInsertsPerSecond(Duration duration) {
        try (MongoClient client = MongoClients.create(target.mongoUri())) {
            MongoCollection<Document> raw = client.getDatabase("socialMediaBench").getCollection("rawInserts");
            raw.drop();
            AtomicLong inserted = new AtomicLong();
            long start = System.nanoTime();
            Workers.run(clients, duration, 0, worker -> {
                raw.insertOne(eventLikeDocument());
                inserted.incrementAndGet();
            });
            double rate = inserted.get() / ((System.nanoTime() - start) / 1e9);
            raw.drop();
            return rate;
        }
    }

    double kafkaRecordsPerSecond(int records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        AtomicLong acknowledged = new AtomicLong();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("social-media-bench-raw", UUID.randomUUID().toString(), SAMPLE_ENVELOPE),
                        (metadata, error) -> {
                            if (error == null) {
                                acknowledged.incrementAndGet();
                            }
                        });
            }
            producer.flush();
            return acknowledged.get() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static Document eventLikeDocument() {
        return new Document("eventId", UUID.randomUUID().toString())
                .append("type", "CommentAdded")
                .append("aggregateId", UUID.randomUUID().toString())
                .append("aggregateType", "Post")
                .append("version", 12L)
                .append("occurredAt", Date.from(Instant.now()))
                .append("metadata", new Document("correlationId", UUID.randomUUID().toString()))
                .append("data", new Document("commentId", UUID.randomUUID().toString())
                        .append("username", "reader-42").append("comment", "a comment")
                        .append("commentDate", Instant.now().toString()))
                .append("published", false);
    }
}
