package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialmedia.post.cmd.integration.PublishedEvents.publishedLike;
import static org.socialmedia.post.cmd.integration.PublishedEvents.storeBehindTheServicesBack;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.cmd.publication.EventSender;
import org.socialmedia.testsupport.api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A command taken while a long replay runs is published at once, not after the replay: the
 * replay is held halfway (a milestone, not a timing) until the command's event is on the topic.
 */
class LivePublicationDuringReplayIT extends IntegrationTest {

    private static final int REPLAYED_VERSIONS = 1_000;

    /** Sends as the service does, but holds the sending thread at one chosen event until told to go on. */
    static final class HaltingSender implements EventSender {
        private final EventSender sender;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch goOn = new CountDownLatch(1);
        private volatile String haltAt = "";

        HaltingSender(EventSender sender) {
            this.sender = sender;
        }

        void haltAt(UUID post, long version) {
            haltAt = post + "@" + version;
        }

        @Override
        public CompletableFuture<?> send(RecordedEvent event) {
            if (haltAt.equals(event.aggregateId() + "@" + event.version())) {
                reached.countDown();
                try {
                    goOn.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return sender.send(event);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class HaltingPublication {

        @Bean
        @Primary
        HaltingSender haltingSender(@Qualifier("eventSender") EventSender sender) {
            return new HaltingSender(sender);
        }
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    HaltingSender sender;

    @Test
    void aLiveEventReachesTheTopicWhileAReplayIsHalfway() throws Exception {
        UUID replayed = UUID.randomUUID();
        List<Document> stored = LongStream.rangeClosed(1, REPLAYED_VERSIONS).mapToObj(version -> publishedLike(replayed, version)).toList();
        storeBehindTheServicesBack(mongo, stored);
        sender.haltAt(replayed, REPLAYED_VERSIONS / 2);

        CompletableFuture<Answer> replay = CompletableFuture.supplyAsync(
                () -> api().replay());
        assertThat(sender.reached.await(30, TimeUnit.SECONDS)).isTrue();

        UUID live = api().createPost("alice", "posted during a replay").id();
        await().atMost(Duration.ofSeconds(30)).until(() -> !topic().eventsOf(live).isEmpty());

        assertThat(replay).isNotDone();
        sender.goOn.countDown();
        assertThat(replay).succeedsWithin(Duration.ofSeconds(60)).extracting(Answer::status).isEqualTo(202);
        assertThat(topic().eventsOf(replayed)).hasSize(REPLAYED_VERSIONS);
    }
}
