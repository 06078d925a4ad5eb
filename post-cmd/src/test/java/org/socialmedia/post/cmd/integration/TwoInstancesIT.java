package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.infra.test.TestIssuer;
import org.socialmedia.post.cmd.PostCmdApplication;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.topic.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A second post-cmd instance on the same event store and topic, both taking commands for the same posts. */
class TwoInstancesIT extends IntegrationTest {

    private static ConfigurableApplicationContext second;

    @Autowired
    EventStore store;

    @BeforeAll
    static void startSecondInstance() {
        second = new SpringApplicationBuilder(PostCmdApplication.class, TestIssuer.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafka().bootstrapServers(),
                "--spring.mongodb.uri=" + TestInfrastructure.mongo().connectionString(),
                "--app.kafka.topic=" + TOPIC,
                "--app.publication.catch-up-interval=200ms",
                "--app.publication.sweep-interval=1s",
                "--app.publication.grace-period=500ms");
    }

    @AfterAll
    static void stopSecondInstance() {
        second.close();
    }

    @Test
    void likesSplitAcrossTwoInstancesAreAllStoredGaplessAndPublishedInOrder() throws Exception {
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
        List<CommandApi> instances = List.of(api(), api(secondPort));
        int likes = 40;
        List<UUID> posts = List.of(instances.get(0).createPost("alice", "one").id(), instances.get(1).createPost("bob", "two").id());

        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < likes; i++) {
                for (UUID post : posts) {
                    CommandApi instance = instances.get(i % 2);
                    String user = "user-" + i;
                    answers.add(clients.submit(() -> instance.likePost(post, user).status()));
                }
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }

        List<Long> expectedVersions = LongStream.rangeClosed(1, likes + 1).boxed().toList();
        for (UUID post : posts) {
            assertThat(store.readStream(post, 0)).extracting(RecordedEvent::version).containsExactlyElementsOf(expectedVersions);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (UUID post : posts) {
                assertThat(TopicRecords.firstDeliveries(topic().eventsOf(post))).containsExactlyElementsOf(expectedVersions);
            }
        });
    }
}
