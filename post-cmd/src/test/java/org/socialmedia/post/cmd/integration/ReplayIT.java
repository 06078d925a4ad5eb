package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.bson.Document;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;


class ReplayIT extends IntegrationTest {

    private static final PostEventCodec CODEC = new PostEventCodec();

    @Autowired
    MongoTemplate mongo;

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
        // Stored behind the service's back and already flagged published, so that only the replay sends them.
        List<Document> stored = new ArrayList<>();
        for (UUID post : posts) {
            for (long version = 1; version <= versions; version++) {
                stored.add(publishedLike(post, version));
            }
        }
        mongo.getCollection("eventStore").insertMany(stored);

        CommandApi.Answer answer = api().send("POST", "/api/v1/admin/replay", null, null);

        assertThat(answer.status()).isEqualTo(202);
        List<Long> inOrder = LongStream.rangeClosed(1, versions).boxed().toList();
        for (UUID post : posts) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic().eventsOf(post).size() >= versions);
            assertThat(topic().eventsOf(post)).extracting(RecordedEvent::version).containsExactlyElementsOf(inOrder);
        }
    }

    /** A stored event as post-cmd writes it; version 1 creates the post, every later one is a like. */
    private static Document publishedLike(UUID post, long version) {
        String eventId = UUID.randomUUID().toString();
        Document data = version == 1
                ? new Document("author", "alice").append("message", "replayed").append("datePosted", Instant.now().toString())
                : new Document("username", "fan-" + version);
        return new Document("_id", eventId).append("eventId", eventId)
                .append("type", version == 1 ? "PostCreated" : "PostLiked")
                .append("aggregateId", post.toString()).append("aggregateType", "Post").append("version", version)
                .append("occurredAt", Date.from(Instant.now())).append("metadata", new Document())
                .append("data", data).append("published", true);
    }
}
