package org.socialmedia.post.query.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.infra.test.TestIssuer;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.post.query.projection.PoisonRecords;
import org.socialmedia.post.query.support.PostEventTopic;
import org.socialmedia.post.query.support.PostStream;
import org.socialmedia.post.query.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The whole service on a real broker and PostgreSQL, with topics of its own, so that its
 * dead-letter topic holds only what this test puts there.
 */
@SpringBootTest(properties = "app.kafka.topic=" + DeadLetterRedriveIT.TOPIC)
@Import({PostEventTopic.class, TestIssuer.class})
@AutoConfigureMockMvc
class DeadLetterRedriveIT {

    static final String TOPIC = "redrive-it-events";
    private static final String DEAD_LETTER_TOPIC = TOPIC + ".DLT";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerKafka(registry);
        TestDatabases.register(registry, "redrive_test");
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    PostEventCodec codec;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeadLetteredEventIsAppliedWithTheSuccessorParkedBehindItAndIsReDrivenOnce() throws Exception {
        PostStream post = new PostStream();
        RecordedEvent created = post.created("alice", "lost once");
        RecordedEvent liked = post.liked("bob");
        SendResult<String, String> deadLetter = send(deadLettered(created));
        SendResult<String, String> parked = send(new ProducerRecord<>(TOPIC, key(liked), codec.encode(liked)));
        await().atMost(PATIENCE).until(() -> parked(post.postId()) == 1);

        assertThat(redrive(TestIssuer.token("alice"))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(redrive(TestIssuer.adminToken())).hasStatus(HttpStatus.ACCEPTED)
                .bodyJson().isStrictlyEqualTo("{\"redriven\":1}");

        await().atMost(PATIENCE).until(() -> appliedVersion(post.postId()) == 2);
        assertThat(parked(post.postId())).isZero();
        assertThat(jdbc.sql("select likes from post where id = ?").param(post.postId()).query(Long.class).single()).isEqualTo(1);
        ConsumerRecord<String, String> redriven = lastRecordOn(parked.getRecordMetadata().partition());
        assertThat(redriven.key()).isEqualTo(key(created));
        assertThat(redriven.value()).isEqualTo(codec.encode(created));
        assertThat(new String(redriven.headers().lastHeader(DeadLetterRedrive.REDRIVEN_FROM_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(DEAD_LETTER_TOPIC + "-" + deadLetter.getRecordMetadata().partition()
                        + "@" + deadLetter.getRecordMetadata().offset());

        assertThat(redrive(TestIssuer.adminToken())).hasStatus(HttpStatus.ACCEPTED)
                .bodyJson().isStrictlyEqualTo("{\"redriven\":0}");
    }

    /** The re-drive as an operator asks for it, with a token of the trusted issuer (the admin's has the scope). */
    private MockMvcTester.MockMvcRequestBuilder redrive(String token) {
        return mvc.post().uri("/api/v1/admin/dead-letters/redrive").header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    /** The event as the projection's error handler would have dead-lettered it. */
    private ProducerRecord<String, String> deadLettered(RecordedEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(DEAD_LETTER_TOPIC, key(event), codec.encode(event));
        record.headers().add(PoisonRecords.REASON_HEADER, "refused by the database".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String key(RecordedEvent event) {
        return event.aggregateId().toString();
    }

    private SendResult<String, String> send(ProducerRecord<String, String> record) throws Exception {
        return kafka.send(record).get(10, TimeUnit.SECONDS);
    }

    private long appliedVersion(UUID postId) {
        return jdbc.sql("select coalesce(max(version), 0) from post where id = ?").param(postId).query(Long.class).single();
    }

    private long parked(UUID postId) {
        return jdbc.sql("select count(*) from parked_event where post_id = ?").param(postId).query(Long.class).single();
    }

    private ConsumerRecord<String, String> lastRecordOn(int partition) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(TestInfrastructure.kafka().bootstrapServers(), "redrive-it-" + UUID.randomUUID());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition topicPartition = new TopicPartition(TOPIC, partition);
            consumer.assign(List.of(topicPartition));
            consumer.seek(topicPartition, consumer.endOffsets(List.of(topicPartition)).get(topicPartition) - 1);
            return KafkaTestUtils.getRecords(consumer).records(topicPartition).get(0);
        }
    }
}
