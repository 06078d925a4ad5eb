package org.socialmedia.post.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.post.query.support.PostEventTopic;
import org.socialmedia.post.query.support.PostStream;
import org.socialmedia.post.query.support.TableLock;
import org.socialmedia.post.query.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A projection that cannot apply what it receives is seen: its lag in the metrics, and in
 * readiness once it has stood still for the stall timeout. The stall is a lock on the post table,
 * held by another connection, as a stuck migration or a transaction left open in psql holds one:
 * the projection waits without failing (for less than PostgreSQL's statement timeout, 10 s), and
 * nothing but the monitor can tell. The monitor also goes on measuring while PostgreSQL is down,
 * and counts the parked events.
 */
@SpringBootTest(properties = {
        "app.kafka.topic=" + ProjectionStallIT.TOPIC,
        "spring.kafka.consumer.group-id=projection-stall",
        "app.projection.monitor-interval=200ms",
        "app.projection.stall-timeout=3s",
        // The actuator on the API port: a MOCK environment starts no management server for /actuator/prometheus.
        "management.server.port=",
})
@Import(PostEventTopic.class)
@AutoConfigureMockMvc
class ProjectionStallIT {

    static final String TOPIC = "projection-stall-events";
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerKafka(registry);
        TestDatabases.register(registry, "projection_stall");
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
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    private void publish(RecordedEvent... events) {
        for (RecordedEvent event : events) {
            try {
                kafka.send(TOPIC, event.aggregateId().toString(), codec.encode(event)).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                throw new IllegalStateException("could not publish to " + TOPIC, e);
            }
        }
    }

    private void awaitVersion(UUID postId, long version) {
        await().atMost(PATIENCE).until(() -> jdbc.sql("select coalesce(max(version), 0) from post where id = ?")
                .param(postId).query(Long.class).single() == version);
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private double seconds(String timeGauge) {
        return meters.get(timeGauge).timeGauge().value(TimeUnit.SECONDS);
    }

    private MockMvcTester.MockMvcRequestBuilder readiness() {
        return mvc.get().uri("/readyz");
    }

    private void awaitCaughtUpAndReady() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(gauge("post.projection.lag.records")).isZero();
            assertThat(seconds("post.projection.lag")).isZero();
            assertThat(readiness()).hasStatusOk().bodyJson().extractingPath("$.components.projection.status").isEqualTo("UP");
        });
    }

    @Nested
    class Stall {

        @Test
        void isReportedOnceRecordsHaveWaitedForTheStallTimeoutAndClearedWhenTheyAreApplied() {
            PostStream post = new PostStream();
            publish(post.created("alice", "before the stall"));
            awaitVersion(post.postId(), 1);
            awaitCaughtUpAndReady();

            Instant stalledAt = Instant.now();
            try (TableLock lock = TableLock.exclusive(dataSource, "post")) {
                publish(post.liked("bob"), post.liked("carol"), post.liked("dave"));

                await().atMost(PATIENCE).until(() -> gauge("post.projection.lag.records") == 3);
                double age = await().atMost(PATIENCE).until(() -> seconds("post.projection.lag"), seconds -> seconds > 0);
                await().atMost(PATIENCE).until(() -> seconds("post.projection.lag") > age);
                await().atMost(PATIENCE).untilAsserted(() -> assertThat(readiness())
                        .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                        .bodyJson().satisfies(health -> {
                            assertThat(health).extractingPath("$.components.db.status").isEqualTo("UP");
                            assertThat(health).extractingPath("$.components.projection.status").isEqualTo("DOWN");
                            assertThat(health).extractingPath("$.components.projection.details.recordsWaiting").isEqualTo(3);
                            assertThat(health).extractingPath("$.components.projection.details.stalledPartitions[0].recordsWaiting")
                                    .isEqualTo(3);
                            assertThat(health).extractingPath("$.components.projection.details.stalledPartitions[0].stalledSince")
                                    .asString().isNotBlank();
                        }));
                assertThat(Duration.between(stalledAt, Instant.now())).isGreaterThanOrEqualTo(STALL_TIMEOUT);
                assertThat(gauge("post.projection.stalled.partitions")).isEqualTo(1);
            }

            awaitVersion(post.postId(), 4);
            awaitCaughtUpAndReady();
            assertThat(gauge("post.projection.stalled.partitions")).isZero();
        }

        @Test
        void isNotReportedForAnIdleProjectionThatJustReceivedARecord() {
            PostStream post = new PostStream();
            publish(post.created("alice", "then nothing for a while"));
            awaitVersion(post.postId(), 1);
            await().atMost(PATIENCE).during(STALL_TIMEOUT.plusSeconds(1))
                    .until(() -> gauge("post.projection.lag.records") == 0);

            try (TableLock lock = TableLock.exclusive(dataSource, "post")) {
                publish(post.liked("bob"));

                await().atMost(PATIENCE).until(() -> gauge("post.projection.lag.records") == 1);
                await().atMost(PATIENCE).during(STALL_TIMEOUT.dividedBy(2)).untilAsserted(() ->
                        assertThat(readiness()).hasStatusOk().bodyJson()
                                .extractingPath("$.components.projection.status").isEqualTo("UP"));
            }

            awaitVersion(post.postId(), 2);
            awaitCaughtUpAndReady();
        }
    }

    @Nested
    class DatabaseOutage {

        @Test
        void leavesTheParkedEventsUnknownAndTheLagMeasured() {
            PostStream post = new PostStream();
            publish(post.created("alice", "before the outage"));
            awaitVersion(post.postId(), 1);
            awaitCaughtUpAndReady();

            TestInfrastructure.postgres().stop();
            try {
                publish(post.liked("bob"));

                await().atMost(PATIENCE).untilAsserted(() -> {
                    assertThat(gauge("post.projection.parked.waiting")).isNaN();
                    assertThat(seconds("post.projection.parked.oldest.age")).isNaN();
                    assertThat(gauge("post.projection.lag.records")).isEqualTo(1);
                    assertThat(seconds("post.projection.lag")).isPositive();
                });
            } finally {
                TestInfrastructure.postgres().start();
            }

            awaitVersion(post.postId(), 2);
            await().atMost(PATIENCE).until(() -> gauge("post.projection.parked.waiting") == 0);
            awaitCaughtUpAndReady();
        }
    }

    @Nested
    class Operations {

        @Test
        void exposesTheMonitorsFiguresToPrometheus() {
            assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk().bodyText()
                    .contains("post_projection_lag_seconds{", "post_projection_lag_records{",
                            "post_projection_stalled_partitions{", "post_projection_parked_waiting{",
                            "post_projection_parked_oldest_age_seconds{");
        }
    }

    @Nested
    class ParkedEvents {

        @Test
        void areCountedWithTheAgeOfTheOldestUntilTheirPredecessorArrives() {
            PostStream post = new PostStream();
            RecordedEvent created = post.created("alice", "hello");
            RecordedEvent missing = post.liked("bob");
            RecordedEvent early = post.liked("carol");
            publish(created, early);

            await().atMost(PATIENCE).until(() -> gauge("post.projection.parked.waiting") == 1);
            double age = await().atMost(PATIENCE).until(() -> seconds("post.projection.parked.oldest.age"), seconds -> seconds > 0);
            await().atMost(PATIENCE).until(() -> seconds("post.projection.parked.oldest.age") > age);

            publish(missing);

            awaitVersion(post.postId(), 3);
            await().atMost(PATIENCE).until(() -> gauge("post.projection.parked.waiting") == 0
                    && seconds("post.projection.parked.oldest.age") == 0);
        }
    }
}
