package org.socialmedia.post.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.post.query.support.PostEventTopic;
import org.socialmedia.post.query.support.PostStream;
import org.socialmedia.post.query.support.TableLock;
import org.socialmedia.post.query.support.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two post-query instances in one consumer group share the topic's partitions, and each reports
 * the records waiting on its own partitions only: added up, the two give the whole backlog.
 */
@SpringBootTest(properties = {
        "app.kafka.topic=" + TwoProjectionInstancesIT.TOPIC,
        "spring.kafka.consumer.group-id=" + TwoProjectionInstancesIT.GROUP,
        "app.projection.monitor-interval=200ms",
})
@Import(PostEventTopic.class)
class TwoProjectionInstancesIT {

    static final String TOPIC = "two-instances-events";
    static final String GROUP = "two-instances";
    private static final int PARTITIONS = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static ConfigurableApplicationContext second;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerKafka(registry);
        TestDatabases.register(registry, "two_instances");
    }

    @Autowired
    ApplicationContext first;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    PostEventCodec codec;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void startSecondInstance(@Autowired Environment environment) {
        second = new SpringApplicationBuilder(PostQueryApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--app.kafka.topic=" + TOPIC,
                "--spring.kafka.consumer.group-id=" + GROUP,
                "--app.projection.monitor-interval=200ms");
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void eachInstanceReportsTheRecordsWaitingOnItsOwnPartitions() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<String> all = new ArrayList<>(partitions(first));
            all.addAll(partitions(second));
            assertThat(partitions(first)).isNotEmpty();
            assertThat(partitions(second)).isNotEmpty();
            assertThat(all).containsExactlyInAnyOrder(TOPIC + "-0", TOPIC + "-1", TOPIC + "-2");
        });
        List<String> firstPartitions = partitions(first);
        List<String> secondPartitions = partitions(second);

        try (TableLock lock = TableLock.exclusive(dataSource, "post")) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                publishNewPostTo(partition);
            }

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(recordsWaiting(first)).isEqualTo(firstPartitions.size());
                assertThat(recordsWaiting(second)).isEqualTo(secondPartitions.size());
            });
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(recordsWaiting(first)).isZero();
            assertThat(recordsWaiting(second)).isZero();
        });
    }

    private void publishNewPostTo(int partition) {
        PostStream post = new PostStream();
        try {
            kafka.send(TOPIC, partition, post.postId().toString(), codec.encode(post.created("alice", "on " + partition)))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + TOPIC, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> partitions(ApplicationContext instance) {
        HealthIndicator projection = instance.getBean("projectionHealthIndicator", HealthIndicator.class);
        return (List<String>) projection.health().getDetails().getOrDefault("partitions", List.of());
    }

    private static double recordsWaiting(ApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).get("post.projection.lag.records").gauge().value();
    }
}
