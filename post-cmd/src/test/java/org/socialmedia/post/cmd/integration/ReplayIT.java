package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.bson.Document;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;


class ReplayIT extends IntegrationTest {

    private static final PostEventCodec CODEC = new PostEventCodec();

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventStore store;

    @Test
    void replayRepublishesEveryStoredEventInOrder() {
        UUID post = api().createPost("alice", "replay me");
        api().like(post, "bob");
        api().like(post, "carol");
        await().atMost(Duration.ofSeconds(30)).until(() -> topic().eventsOf(post).size() == 3);
        long stored = mongo.getCollection("eventStore").countDocuments();

        CommandApi.Answer answer = api().send("POST", "/api/v1/admin/replay", null, null);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().get("events").asLong()).isEqualTo(stored);
        List<RecordedEvent> delivered = topic().eventsOf(post);
        assertThat(delivered).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L, 1L, 2L, 3L);
        assertThat(delivered.subList(3, 6)).isEqualTo(delivered.subList(0, 3));
        List<String> storedIds = mongo.getCollection("eventStore").find()
                .map(document -> document.getString("eventId")).into(new ArrayList<>());
        Set<String> publishedIds = topic().all().stream()
                .map(record -> CODEC.decode(record.value()).eventId().toString())
                .collect(Collectors.toSet());
        assertThat(publishedIds).containsAll(storedIds);
    }

    /** The replay sends a batch while the one before is still unacknowledged; order must survive that. */
    @Test
    void aReplayOfManyBatchesDeliversEachPostInVersionOrder() {
        List<UUID> posts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        int versions = 1_000;
        for (UUID post : posts) {
            for (long version = 1; version <= versions; version++) {
                PostEvent event = version == 1
                        ? new PostEvent.PostCreated("alice", "replayed", Instant.now())
                        : new PostEvent.PostLiked("fan-" + version);
                store.append(post, version - 1, List.of(new RecordedEvent(UUID.randomUUID(), post, "Post", version,
                        Instant.now(), Map.of(), event)));
            }
        }
        // Stored behind the service's back: marked published, so that only the replay sends them.
        mongo.getCollection("eventStore").updateMany(new Document(), new Document("$set", new Document("published", true)));

        CommandApi.Answer answer = api().send("POST", "/api/v1/admin/replay", null, null);

        assertThat(answer.status()).isEqualTo(202);
        List<Long> inOrder = LongStream.rangeClosed(1, versions).boxed().toList();
        for (UUID post : posts) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic().eventsOf(post).size() >= versions);
            assertThat(topic().eventsOf(post)).extracting(RecordedEvent::version).containsExactlyElementsOf(inOrder);
        }
    }
}
