package org.socialmedia.post.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.post.common.topic.PostTopics;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.post.query.projection.PoisonRecords;
import org.socialmedia.post.query.support.DeadLetterTopic;
import org.socialmedia.post.query.support.PostEventTopic;
import org.socialmedia.post.query.support.PostStream;
import org.socialmedia.post.query.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The whole service on a real Kafka broker and a real PostgreSQL server: envelopes as post-cmd
 * publishes them go onto the real topic, and the assertions look at the tables and the HTTP
 * answers. Every test uses posts of its own, so the tests share one running application.
 */
@SpringBootTest(properties = {
        "app.projection.poison-retry-interval=20ms",
        "app.projection.outage-initial-interval=100ms",
        "app.projection.outage-max-interval=1s",
        "app.lookup.min-version-timeout=1s",
        "spring.datasource.hikari.connection-timeout=1000",
        // The actuator on the API port: a MOCK environment starts no management server for /actuator/prometheus.
        "management.server.port=",
})
@Import(PostEventTopic.class)
@AutoConfigureMockMvc
class PostQueryIT {

    private static final String TOPIC = PostTopics.DEFAULT_TOPIC;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerKafka(registry);
        TestDatabases.register(registry, "integration_test");
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    PostEventCodec codec;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    private void publish(RecordedEvent... events) {
        for (RecordedEvent event : events) {
            send(event.aggregateId().toString(), codec.encode(event));
        }
    }

    private void send(String key, String value) {
        try {
            kafka.send(TOPIC, key, value).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + TOPIC, e);
        }
    }

    /**
     * Waits until everything published so far with this key has been consumed: a new post's
     * creation sent with the same key lands on the same partition, after those records.
     */
    private void awaitConsumed(UUID key) {
        PostStream barrier = new PostStream();
        send(key.toString(), codec.encode(barrier.created("barrier", "after " + key)));
        awaitVersion(barrier.postId(), 1);
    }

    private long appliedVersion(UUID postId) {
        return jdbc.sql("select coalesce(max(version), 0) from post where id = ?").param(postId).query(Long.class).single();
    }

    private long likes(UUID postId) {
        return jdbc.sql("select likes from post where id = ?").param(postId).query(Long.class).single();
    }

    private long parked(UUID postId) {
        return jdbc.sql("select count(*) from parked_event where post_id = ?").param(postId).query(Long.class).single();
    }

    private void awaitVersion(UUID postId, long version) {
        await().atMost(PATIENCE).until(() -> appliedVersion(postId) == version);
    }

    private double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private DeadLetterTopic deadLetters() {
        return new DeadLetterTopic(TestInfrastructure.kafka().bootstrapServers(), TOPIC + ".DLT");
    }

    @Nested
    class EveryEventType {

        @Test
        void buildsThePostThatTheEventsDescribe() {
            PostStream post = new PostStream();
            UUID kept = UUID.randomUUID();
            UUID removed = UUID.randomUUID();
            publish(post.created("alice", "hello"), post.messageUpdated("hello, world"), post.liked("bob"),
                    post.commentAdded(kept, "bob", "nice"), post.commentAdded(removed, "carol", "meh"),
                    post.commentUpdated(kept, "bob", "very nice"), post.commentRemoved(removed, "carol"));

            awaitVersion(post.postId(), 7);

            assertThat(jdbc.sql("select author, message, likes, comment_count, removed from post where id = ?")
                    .param(post.postId()).query().singleRow())
                    .containsEntry("author", "alice").containsEntry("message", "hello, world").containsEntry("likes", 1L)
                    .containsEntry("comment_count", 1).containsEntry("removed", false);
            assertThat(jdbc.sql("select id, comment, edited from post_comment where post_id = ?")
                    .param(post.postId()).query().listOfRows())
                    .singleElement().satisfies(row -> assertThat(row).containsEntry("id", kept)
                            .containsEntry("comment", "very nice").containsEntry("edited", true));
            assertThat(mvc.get().uri("/api/v1/posts/{id}", post.postId())).hasStatusOk()
                    .hasHeader(HttpHeaders.ETAG, "\"7\"")
                    .bodyJson().isStrictlyEqualTo("""
                            {"id":"%s","author":"alice","message":"hello, world","datePosted":"2026-11-22T14:00:00.123Z",
                             "likes":1,"version":7,
                             "comments":[{"id":"%s","username":"bob","comment":"very nice",
                                          "commentDate":"2026-11-22T14:00:03.123Z","edited":true}]}"""
                            .formatted(post.postId(), kept));
        }

        @Test
        void aRemovedPostDisappearsFromEveryLookup() {
            PostStream post = new PostStream();
            String author = "author-" + UUID.randomUUID();
            publish(post.created(author, "soon gone"), post.removed(author));

            awaitVersion(post.postId(), 2);

            assertThat(jdbc.sql("select removed from post where id = ?").param(post.postId()).query(Boolean.class).single())
                    .isTrue();
            assertThat(mvc.get().uri("/api/v1/posts/{id}", post.postId())).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri("/api/v1/posts?author={author}", author)).hasStatusOk()
                    .bodyJson().extractingPath("$.page.totalElements").isEqualTo(0);
        }
    }

    @Nested
    class Duplicates {

        @Test
        void redeliveriesAndReplaysChangeNothing() {
            PostStream post = new PostStream();
            RecordedEvent created = post.created("alice", "hello");
            RecordedEvent firstLike = post.liked("bob");
            RecordedEvent secondLike = post.liked("carol");
            publish(created, firstLike, secondLike);
            awaitVersion(post.postId(), 3);
            double duplicatesBefore = counter("post.projection.events.duplicates");

            publish(created, firstLike, secondLike, secondLike);
            // The same partition delivers in order, so once this one is applied the replays were seen.
            publish(post.messageUpdated("edited"));
            awaitVersion(post.postId(), 4);

            assertThat(likes(post.postId())).isEqualTo(2);
            assertThat(counter("post.projection.events.duplicates") - duplicatesBefore).isGreaterThanOrEqualTo(4);
        }

        @Test
        void aReplayedOldEventDoesNotBringARemovedPostBack() {
            PostStream post = new PostStream();
            RecordedEvent created = post.created("alice", "hello");
            publish(created, post.removed("alice"));
            awaitVersion(post.postId(), 2);

            publish(created, created);
            awaitConsumed(post.postId());

            assertThat(mvc.get().uri("/api/v1/posts/{id}", post.postId())).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(appliedVersion(post.postId())).isEqualTo(2);
        }
    }

    @Nested
    class OutOfOrder {

        @Test
        void anEventAheadOfItsPredecessorWaitsAndIsAppliedOnceTheGapIsFilled() {
            PostStream post = new PostStream();
            RecordedEvent created = post.created("alice", "hello");
            RecordedEvent missing = post.liked("bob");
            RecordedEvent early = post.liked("carol");
            publish(created, early);

            await().atMost(PATIENCE).until(() -> parked(post.postId()) == 1);
            assertThat(appliedVersion(post.postId())).isEqualTo(1);
            assertThat(likes(post.postId())).isZero();

            publish(missing);

            awaitVersion(post.postId(), 3);
            assertThat(likes(post.postId())).isEqualTo(2);
            assertThat(parked(post.postId())).isZero();
        }
    }

    @Nested
    class Poison {

        @Test
        void goToTheDeadLetterTopicWithTheReasonAndTheNextRecordIsApplied() {
            PostStream post = new PostStream();
            String key = post.postId().toString();
            String valid = codec.encode(post.created("alice", "after the poison"));
            double deadLetteredBefore = counter("post.projection.events.dead.lettered");

            send(key, "this is not an event");
            send(key, valid.replace("\"PostCreated\"", "\"PostShared\""));
            send(key, valid.replace("\"author\":\"alice\"", "\"author\":[1,2]").replace("\"message\":", "\"msg\":"));
            send(key, valid);

            awaitVersion(post.postId(), 1);
            List<ConsumerRecord<String, String>> deadLettered = await().atMost(PATIENCE)
                    .until(() -> deadLetters().recordsWithKey(key), records -> records.size() == 3);
            assertThat(deadLettered).extracting(ConsumerRecord::value)
                    .containsExactly("this is not an event", valid.replace("\"PostCreated\"", "\"PostShared\""),
                            valid.replace("\"author\":\"alice\"", "\"author\":[1,2]").replace("\"message\":", "\"msg\":"));
            assertThat(deadLettered).extracting(record -> header(record, PoisonRecords.REASON_HEADER))
                    .satisfiesExactly(
                            reason -> assertThat(reason).startsWith("not an event envelope"),
                            reason -> assertThat(reason).contains("unknown event type 'PostShared'"),
                            reason -> assertThat(reason).contains("data does not fit PostCreated"));
            assertThat(deadLettered).allSatisfy(record -> {
                assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(TOPIC);
                assertThat(header(record, "kafka_dlt-exception-message")).isNotBlank();
            });
            await().atMost(PATIENCE).until(() -> counter("post.projection.events.dead.lettered") - deadLetteredBefore == 3);
        }

        private String header(ConsumerRecord<String, String> record, String name) {
            return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
        }
    }

    /**
     * PostgreSQL stopped (connections refused) and frozen (connections open, nothing answers: only
     * the client's timeouts end a wait). Both are outages: the projection retries with its back-off
     * and loses, skips and dead-letters nothing; lookups and readiness answer 503 in bounded time.
     */
    @Nested
    class DatabaseOutage {

        /**
         * The longest a lookup or a readiness check may take while PostgreSQL does not answer: a
         * statement already sent gives up after the socket timeout (15 s), a new request after the
         * pool's wait for a connection (1 s here).
         */
        static final Duration ANSWER_BOUND = Duration.ofSeconds(20);

        @Test
        void aStoppedDatabaseDelaysTheProjectionAndTheLookupsAnswer503() {
            survive(TestInfrastructure.postgres()::stop, TestInfrastructure.postgres()::start);
        }

        @Test
        void aFrozenDatabaseIsAnOutageTooAndNothingWaitsForItForever() {
            survive(TestInfrastructure.postgres()::freeze, TestInfrastructure.postgres()::thaw);
        }

        private void survive(Runnable outage, Runnable recovery) {
            PostStream post = new PostStream();
            PostStream createdDuringOutage = new PostStream();
            publish(post.created("alice", "before the outage"));
            awaitVersion(post.postId(), 1);
            double failuresBefore = counter("post.projection.failures");

            LookupsMeanwhile lookups = new LookupsMeanwhile(post.postId());
            try {
                await().atMost(PATIENCE).until(() -> lookups.answered(HttpStatus.OK));
                outage.run();
                for (int i = 0; i < 5; i++) {
                    publish(post.liked("fan" + i));
                }
                publish(createdDuringOutage.created("bob", "during the outage"));
                await().atMost(PATIENCE).until(() -> counter("post.projection.failures") - failuresBefore >= 2);
                await("a lookup answering 503").atMost(PATIENCE).until(() -> lookups.answered(HttpStatus.SERVICE_UNAVAILABLE));
                lookups.stopWithinTheBound();

                assertThat(answeredWithinTheBound(mvc.get().uri("/readyz")))
                        .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                        .bodyJson().extractingPath("$.components.db.status").isEqualTo("DOWN");
                assertThat(answeredWithinTheBound(mvc.get().uri("/api/v1/posts?author=alice"))).satisfies(this::retryLater);
            } finally {
                lookups.stop();
                recovery.run();
            }
            assertThat(lookups.answers()).allSatisfy(answer -> {
                assertThat(answer.took()).isLessThanOrEqualTo(ANSWER_BOUND);
                assertThat(answer.result().getUnresolvedException()).isNull();
                if (answer.result().getResponse().getStatus() != HttpStatus.OK.value()) {
                    retryLater(answer.result());
                }
            });

            // The test's own queries fail too until PostgreSQL answers again.
            await().atMost(PATIENCE).ignoreExceptions().until(() -> appliedVersion(post.postId()) == 6);
            awaitVersion(createdDuringOutage.postId(), 1);
            assertThat(likes(post.postId())).isEqualTo(5);
            assertThat(parked(post.postId())).isZero();
            assertThat(deadLetters().recordsWithKey(post.postId().toString())).isEmpty();
            assertThat(deadLetters().recordsWithKey(createdDuringOutage.postId().toString())).isEmpty();
            assertThat(mvc.get().uri("/api/v1/posts/{id}", post.postId())).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"6\"");
        }

        private void retryLater(MvcTestResult answer) {
            assertThat(answer).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .hasHeader(HttpHeaders.RETRY_AFTER, "1")
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().extractingPath("$.status").isEqualTo(503);
        }

        private MvcTestResult answeredWithinTheBound(MockMvcTester.MockMvcRequestBuilder request) {
            CompletableFuture<MvcTestResult> answer = CompletableFuture.supplyAsync(request::exchange);
            try {
                return answer.get(ANSWER_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError(request + " did not answer within " + ANSWER_BOUND, e);
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * A reader asking for one post over and over, from before the outage on: when the outage
         * begins, a lookup is under way or its connection has just been used (so the pool does not
         * check it first), the case that only the socket timeout ends.
         */
        private final class LookupsMeanwhile {

            record Answer(MvcTestResult result, Duration took) {
            }

            private final List<Answer> answers = new CopyOnWriteArrayList<>();
            private volatile boolean running = true;
            private final Thread reader;

            LookupsMeanwhile(UUID postId) {
                reader = new Thread(() -> {
                    while (running) {
                        long start = System.nanoTime();
                        MvcTestResult result = mvc.get().uri("/api/v1/posts/{id}", postId).exchange();
                        answers.add(new Answer(result, Duration.ofNanos(System.nanoTime() - start)));
                    }
                }, "lookups-meanwhile");
                reader.setDaemon(true);
                reader.start();
            }

            boolean answered(HttpStatus status) {
                return answers.stream().anyMatch(answer -> answer.result().getResponse().getStatus() == status.value());
            }

            /** Asks no more; the lookup under way must still answer within the bound. */
            void stopWithinTheBound() {
                stop();
                try {
                    reader.join(ANSWER_BOUND.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                assertThat(reader.isAlive()).as("a lookup still waits for PostgreSQL after " + ANSWER_BOUND).isFalse();
            }

            void stop() {
                running = false;
            }

            List<Answer> answers() {
                return answers;
            }
        }
    }

    @Nested
    class ReadYourWrites {

        @Test
        void aRequestForAVersionWaitsUntilItIsApplied() throws Exception {
            PostStream post = new PostStream();
            publish(post.created("alice", "hello"));
            awaitVersion(post.postId(), 1);
            RecordedEvent liked = post.liked("bob");

            CompletableFuture<MvcTestResult> waiting = CompletableFuture.supplyAsync(() ->
                    mvc.get().uri("/api/v1/posts/{id}?minVersion=2", post.postId()).exchange());
            publish(liked);

            assertThat(waiting.get(10, TimeUnit.SECONDS)).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"2\"");
        }

        @Test
        void aVersionThatIsNotAppliedInTimeIsServiceUnavailable() {
            PostStream post = new PostStream();
            publish(post.created("alice", "hello"));
            awaitVersion(post.postId(), 1);

            assertThat(mvc.get().uri("/api/v1/posts/{id}?minVersion=2", post.postId()))
                    .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .hasHeader(HttpHeaders.RETRY_AFTER, "1");
        }
    }

    @Nested
    class Operations {

        @Test
        void reportsReadinessWithTheDatabase() {
            assertThat(mvc.get().uri("/readyz")).hasStatusOk()
                    .bodyJson().extractingPath("$.status").isEqualTo("UP");
        }

        /** What ends every wait for PostgreSQL: the client's socket timeout and the server's own limits. */
        @Test
        void everyConnectionCarriesTheTimeoutsThatEndAWaitForPostgres() throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.getNetworkTimeout()).isEqualTo(15_000);
            }
            assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("10s");
            assertThat(jdbc.sql("show idle_in_transaction_session_timeout").query(String.class).single()).isEqualTo("1min");
        }

        @Test
        void exposesTheProjectionMetricsToPrometheus() {
            assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk().bodyText()
                    .contains("post_projection_events_applied_total", "post_projection_events_duplicates_total",
                            "post_projection_events_dead_lettered_total", "post_projection_lag_seconds",
                            "post_projection_parked_waiting");
        }

        @Test
        void publishesTheApiDescription() {
            assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyText()
                    .contains("/api/v1/posts", "/api/v1/posts/{id}", "minVersion");
            assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
        }

        /** The bearer schemes, on the administration only while lookups are public; the UI logs in with PKCE. */
        @Test
        void theApiDescriptionSaysWhichOperationsNeedAToken() {
            assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson()
                    .hasPathSatisfying("$.components.securitySchemes.bearer.scheme", scheme -> assertThat(scheme).isEqualTo("bearer"))
                    .hasPathSatisfying("$.components.securitySchemes.oauth2.flows.authorizationCode.authorizationUrl",
                            url -> assertThat(url).isEqualTo("http://localhost:9000/oauth2/authorize"))
                    .hasPathSatisfying("$.paths['/api/v1/admin/dead-letters/redrive'].post.security[*].oauth2[*]",
                            scopes -> assertThat(scopes).asArray().containsExactly("posts.admin"))
                    .hasPathSatisfying("$.paths['/api/v1/admin/dead-letters/redrive'].post.security[*].bearer",
                            bearer -> assertThat(bearer).asArray().hasSize(1))
                    .doesNotHavePath("$.paths['/api/v1/posts/{id}'].get.security")
                    .doesNotHavePath("$.paths['/api/v1/posts'].get.security")
                    .doesNotHavePath("$.security");
            assertThat(mvc.get().uri("/swagger-ui/swagger-initializer.js")).hasStatusOk().bodyText()
                    .contains("social-web", "usePkceWithAuthorizationCodeGrant");
        }
    }
}
