package org.socialmedia.post.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.post.common.topic.PostTopics;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.post.query.projection.PoisonRecords;
import org.socialmedia.post.query.support.DeadLetterTopic;
import org.socialmedia.post.query.support.PostEventTopic;
import org.socialmedia.post.query.support.PostStream;
import org.socialmedia.post.query.support.TableLock;
import org.socialmedia.post.query.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guarantee 5 on a real Kafka broker and a real PostgreSQL server, with events that the database
 * refuses: PostgreSQL text cannot hold a NUL character. Such events are well-formed envelopes, so
 * only the database can tell, and only for the whole transaction they are part of; the good
 * events around them, on every partition, must be applied anyway.
 */
@SpringBootTest(properties = {
        "app.projection.outage-initial-interval=100ms",
        "app.projection.outage-max-interval=1s",
        "spring.datasource.hikari.connection-timeout=1000",
})
@Import(PostEventTopic.class)
class PoisonIsolationIT {

    private static final String TOPIC = PostTopics.DEFAULT_TOPIC;
    private static final int PARTITIONS = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String NUL = "\u0000";
    /** application.yml's socketTimeout: how long a statement sent to a frozen server waits for its answer. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerKafka(registry);
        TestDatabases.register(registry, "poison_isolation_test");
    }

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    PostEventCodec codec;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    DataSource dataSource;

    /** A post's events in version order, all on one partition; {@code refused} indexes the one with a NUL, if any. */
    private record History(PostStream post, int partition, List<RecordedEvent> events, int refused) {

        static History good(PostStream post, int partition, RecordedEvent... events) {
            return new History(post, partition, List.of(events), -1);
        }

        static History refusing(int refused, PostStream post, int partition, RecordedEvent... events) {
            return new History(post, partition, List.of(events), refused);
        }

        String key() {
            return post.postId().toString();
        }

        RecordedEvent refusedEvent() {
            return events.get(refused);
        }

        List<Long> versionsAfterTheRefusedOne() {
            return events.subList(refused + 1, events.size()).stream().map(RecordedEvent::version).toList();
        }
    }

    @Test
    void onlyTheRecordsPostgresRefusesAreDeadLetteredAndEveryOtherEventIsApplied() {
        List<History> good = new ArrayList<>();
        for (int i = 0; i < 2 * PARTITIONS; i++) {
            PostStream post = new PostStream();
            // The read model keeps no liker's name, so PostgreSQL has nothing to refuse in the second like.
            good.add(History.good(post, i % PARTITIONS, post.created("alice", "hello " + i), post.liked("bob"),
                    post.commentAdded(UUID.randomUUID(), "carol", "nice"), post.liked("eve" + NUL),
                    post.messageUpdated("edited " + i)));
        }
        PostStream message = new PostStream();
        PostStream author = new PostStream();
        PostStream comment = new PostStream();
        PostStream commenter = new PostStream();
        PostStream edit = new PostStream();
        List<History> refusing = List.of(
                History.refusing(0, message, 0, message.created("dave", "hello" + NUL), message.liked("bob")),
                History.refusing(0, author, 1, author.created("mal" + NUL + "lory", "hello"), author.liked("bob")),
                History.refusing(1, comment, 2, comment.created("frank", "hello"),
                        comment.commentAdded(UUID.randomUUID(), "bob", "nice" + NUL), comment.liked("carol")),
                History.refusing(1, commenter, 0, commenter.created("grace", "hello"),
                        commenter.commentAdded(UUID.randomUUID(), "b" + NUL + "b", "nice"), commenter.liked("carol"),
                        commenter.messageUpdated("edited")),
                History.refusing(1, edit, 1, edit.created("heidi", "hello"), edit.messageUpdated("edited" + NUL),
                        edit.liked("bob")));
        List<History> all = new ArrayList<>(good);
        all.addAll(refusing);

        publishInOneBatch(all);

        // The good posts' last events close every partition: once they are applied, everything was seen.
        for (int i = 0; i < good.size(); i++) {
            UUID postId = good.get(i).post().postId();
            await().atMost(PATIENCE).until(() -> appliedVersion(postId) == 5);
            assertThat(jdbc.sql("select likes, comment_count, message from post where id = ?").param(postId)
                    .query().singleRow())
                    .containsEntry("likes", 2L).containsEntry("comment_count", 1).containsEntry("message", "edited " + i);
        }
        Set<String> keys = all.stream().map(History::key).collect(Collectors.toSet());
        List<ConsumerRecord<String, String>> deadLettered = deadLetters().records().stream()
                .filter(record -> keys.contains(record.key())).toList();
        assertThat(deadLettered).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(
                refusing.stream().map(history -> codec.encode(history.refusedEvent())).toList());
        assertThat(deadLettered).extracting(record -> header(record, PoisonRecords.REASON_HEADER)).allSatisfy(reason ->
                assertThat(reason).startsWith("refused by the database (SQLState 22021)").contains("0x00"));
        for (History history : refusing) {
            UUID postId = history.post().postId();
            // Its later versions wait behind it, never applied out of order.
            assertThat(appliedVersion(postId)).isEqualTo(history.refusedEvent().version() - 1);
            assertThat(parkedVersions(postId)).isEqualTo(history.versionsAfterTheRefusedOne());
        }
    }

    /**
     * The refused record is the first of its batch while PostgreSQL is out, so its retries start
     * as an outage's, endless ones; once the database is back and refuses it, it must switch to
     * the poison retries, or it would hold its partition for ever.
     */
    @Test
    void aRecordHeldUpByAStoppedDatabaseIsDeadLetteredOnceTheDatabaseIsBackAndRefusesIt() {
        PostStream refusedPost = new PostStream();
        PostStream nextPost = new PostStream();
        RecordedEvent refused = refusedPost.created("alice", "hello" + NUL);
        double failuresBefore = counter("post.projection.failures");

        TestInfrastructure.postgres().stop();
        try {
            publish(0, refused, nextPost.created("bob", "after it"));
            awaitOutageFailures(failuresBefore, PATIENCE);
        } finally {
            TestInfrastructure.postgres().start();
        }

        assertOnlyTheRefusedRecordIsDeadLettered(refused, nextPost);
    }

    /**
     * The same, with PostgreSQL frozen while the projection waits for the answer to a statement
     * (behind a table lock): a frozen server never answers, and only the socket timeout makes that
     * wait a failure. Without it the projection would wait for ever and count none.
     */
    @Test
    void aRecordHeldUpByAFrozenDatabaseIsDeadLetteredOnceTheDatabaseIsBackAndRefusesIt() {
        PostStream refusedPost = new PostStream();
        PostStream nextPost = new PostStream();
        RecordedEvent refused = refusedPost.created("alice", "hello" + NUL);
        double failuresBefore = counter("post.projection.failures");

        try (TableLock lock = TableLock.exclusive(dataSource, "post")) {
            publish(0, refused, nextPost.created("bob", "after it"));
            await().atMost(PATIENCE).until(this::aStatementWaitsForThePostTable);
            TestInfrastructure.postgres().freeze();
            try {
                awaitOutageFailures(failuresBefore, PATIENCE.plus(SOCKET_TIMEOUT));
            } finally {
                TestInfrastructure.postgres().thaw();
            }
        }

        assertOnlyTheRefusedRecordIsDeadLettered(refused, nextPost);
    }

    /** Failed deliveries of the refused record, each one an outage. */
    private void awaitOutageFailures(double failuresBefore, Duration patience) {
        await().atMost(patience).until(() -> counter("post.projection.failures") - failuresBefore >= 3);
    }

    private void assertOnlyTheRefusedRecordIsDeadLettered(RecordedEvent refused, PostStream nextPost) {
        // The test's own queries fail too until PostgreSQL accepts connections again.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> appliedVersion(nextPost.postId()) == 1);
        assertThat(deadLetters().recordsWithKey(refused.aggregateId().toString())).singleElement()
                .satisfies(record -> assertThat(record.value()).isEqualTo(codec.encode(refused)));
        assertThat(appliedVersion(refused.aggregateId())).isZero();
    }

    private boolean aStatementWaitsForThePostTable() {
        return jdbc.sql("select count(*) from pg_locks where not granted and relation = 'post'::regclass")
                .query(Long.class).single() > 0;
    }

    /**
     * Publishes the histories interleaved, round by round, while the projection is paused, so that
     * its next poll fetches them all at once: a batch with records of every partition.
     */
    private void publishInOneBatch(List<History> histories) {
        MessageListenerContainer projection = listeners.getListenerContainer("post-projection");
        projection.pause();
        await().atMost(PATIENCE).until(projection::isContainerPaused);
        try {
            int rounds = histories.stream().mapToInt(history -> history.events().size()).max().orElse(0);
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (History history : histories) {
                    if (round < history.events().size()) {
                        String envelope = codec.encode(history.events().get(round));
                        sent.add(kafka.send(TOPIC, history.partition(), history.key(), envelope));
                    }
                }
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + TOPIC, e);
        } finally {
            projection.resume();
        }
    }

    private void publish(int partition, RecordedEvent... events) {
        try {
            for (RecordedEvent event : events) {
                kafka.send(TOPIC, partition, event.aggregateId().toString(), codec.encode(event)).get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + TOPIC, e);
        }
    }

    private long appliedVersion(UUID postId) {
        return jdbc.sql("select coalesce(max(version), 0) from post where id = ?").param(postId).query(Long.class).single();
    }

    private List<Long> parkedVersions(UUID postId) {
        return jdbc.sql("select version from parked_event where post_id = ? order by version").param(postId)
                .query(Long.class).list();
    }

    private double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private DeadLetterTopic deadLetters() {
        return new DeadLetterTopic(TestInfrastructure.kafka().bootstrapServers(), TOPIC + ".DLT");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
