package org.socialmedia.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    private static final String TOPIC = "outage-test";

    @TempDir
    Path tempDir;

    @Test
    void recordsSurviveAStopAndRestartOnTheSameAddress() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(tempDir.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            assertThat(bootstrap).startsWith("127.0.0.1:");

            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                for (int i = 1; i <= 3; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "post-1", "before-" + i)).get(10, TimeUnit.SECONDS);
                }
            }

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", broker.port()), 1000))
                    .isInstanceOf(ConnectException.class);
            try (Admin admin = admin(bootstrap)) {
                assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(1500))
                        .clusterId().get(5, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class);
            }
            try (KafkaProducer<String, String> producer = producer(bootstrap, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, "1500"))) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "post-1", "lost")).get(5, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class);
            }
            broker.restart();
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                producer.send(new ProducerRecord<>(TOPIC, "post-1", "after-1")).get(10, TimeUnit.SECONDS);
            }
            assertThat(readAll(bootstrap, 4)).containsExactly("before-1", "before-2", "before-3", "after-1");
            try (Admin admin = admin(bootstrap)) {
                assertThat(admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions())
                        .as("num.partitions default for auto-created topics").hasSize(3);
            }
        }
    }

    /** As after a JVM restart (the dev stack): a new broker on the same log directory. */
    @Test
    void aNewBrokerOnAnExistingLogDirectoryFindsTheRecords() throws Exception {
        Path logDir = tempDir.resolve("kafka-reused");
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(logDir, 0);
             KafkaProducer<String, String> producer = producer(first.bootstrapServers())) {
            producer.send(new ProducerRecord<>(TOPIC, "post-1", "first-jvm")).get(10, TimeUnit.SECONDS);
        }
        try (EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(logDir, 0)) {
            assertThat(readAll(second.bootstrapServers(), 1)).containsExactly("first-jvm");
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return producer(bootstrap, Map.of());
    }

    private static KafkaProducer<String, String> producer(String bootstrap, Map<String, Object> extra) {
        Map<String, Object> props = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"));
        props.putAll(extra);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "1500"));
    }

    /** Reads the topic from the beginning through a consumer group, as the query side does. */
    private static List<String> readAll(String bootstrap, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "restart-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
