package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.post.cmd.publication.Outbox;
import org.socialmedia.testsupport.topic.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;

class BrokerOutageIT extends IntegrationTest {

    @Autowired
    Outbox outbox;

    @Test
    void commandsSucceedWhileTheBrokerIsDownAndEverythingIsPublishedInOrderWhenItIsBack() {
        UUID before = api().createPost("alice", "before the outage").id();
        List<UUID> during = new ArrayList<>();

        TestInfrastructure.kafka().stop();
        try {
            assertThat(api().likePost(before, "bob").status()).isEqualTo(200);
            for (int i = 0; i < 5; i++) {
                UUID post = api().createPost("carol", "during the outage " + i).id();
                for (int like = 0; like < 3; like++) {
                    assertThat(api().likePost(post, "fan-" + like).status()).isEqualTo(200);
                }
                during.add(post);
            }
            assertThat(outbox.countUnpublished()).isPositive();
        } finally {
            TestInfrastructure.kafka().start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            TopicRecords topic = topic();
            assertThat(TopicRecords.firstDeliveries(topic.eventsOf(before))).containsExactly(1L, 2L);
            for (UUID post : during) {
                assertThat(TopicRecords.firstDeliveries(topic.eventsOf(post)))
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, 4).boxed().toList());
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.countUnpublished() == 0);
    }
}
