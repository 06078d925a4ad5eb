package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialmedia.post.cmd.integration.PublishedEvents.publishedLike;
import static org.socialmedia.post.cmd.integration.PublishedEvents.storeBehindTheServicesBack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.socialmedia.testsupport.api.Answer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

class ReplayIT extends IntegrationTest {

    private static final PostEventCodec CODEC = new PostEventCodec();

    @Autowired
    MongoTemplate mongo;

    @Test
    void replayRepublishesEveryStoredEventInOrder() {
        UUID post = api().createPost("alice", "replay me").id();
        api().likePost(post, "bob");
        api().likePost(post, "carol");
        await().atMost(Duration.ofSeconds(30)).until(() -> topic().eventsOf(post).size() == 3);
        long stored = mongo.getCollection("eventStore").countDocuments();

        Answer answer = api().replay();

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("events").asLong()).isEqualTo(stored);
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
        storeBehindTheServicesBack(mongo, stored);

        Answer answer = api().replay();

        assertThat(answer.status()).isEqualTo(202);
        List<Long> inOrder = LongStream.rangeClosed(1, versions).boxed().toList();
        for (UUID post : posts) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic().eventsOf(post).size() >= versions);
            assertThat(topic().eventsOf(post)).extracting(RecordedEvent::version).containsExactlyElementsOf(inOrder);
        }
    }

    @Nested
    class OnePost {

        @Test
        void sendsOnlyThatPostsEventsInVersionOrder() {
            UUID post = UUID.randomUUID();
            UUID other = UUID.randomUUID();
            mongo.getCollection("eventStore").insertMany(List.of(publishedLike(post, 1), publishedLike(other, 1),
                    publishedLike(post, 2), publishedLike(other, 2), publishedLike(post, 3)));

            Answer answer = api().replay(post);

            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.json().get("events").asLong()).isEqualTo(3);
            assertThat(topic().eventsOf(post)).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L);
            assertThat(topic().eventsOf(other)).isEmpty();
        }

        @Test
        void anUnknownPostIsNotFound() {
            Answer answer = api().replay(UUID.randomUUID());

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
        }

        @Test
        void aMalformedPostIdIsABadRequest() {
            Answer answer = api().adminHttp().send("POST", "/api/v1/admin/replay?postId=not-a-uuid", null);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("postId");
        }

        @Test
        void anEmptyPostIdIsABadRequestNotAReplayOfEverything() {
            Answer answer = api().adminHttp().send("POST", "/api/v1/admin/replay?postId=", null);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
        }
    }

    /** The lease as another instance holds it: one document with a fixed id in collection {@code leases}. */
    @Nested
    class OneReplayAtATime {

        private MongoCollection<Document> leases() {
            return mongo.getCollection("leases");
        }

        private void leaseHeldUntil(Instant expiry) {
            leases().insertOne(new Document("_id", "replay").append("holder", UUID.randomUUID().toString())
                    .append("scope", "every post").append("expiresAt", Date.from(expiry)));
        }

        @Test
        void aReplayIsRefusedWhileAnotherHoldsTheLease() {
            UUID post = UUID.randomUUID();
            mongo.getCollection("eventStore").insertOne(publishedLike(post, 1));
            leaseHeldUntil(Instant.now().plus(Duration.ofMinutes(1)));
            try {
                Answer all = api().replay();
                Answer one = api().replay(post);

                for (Answer refused : List.of(all, one)) {
                    assertThat(refused.status()).isEqualTo(409);
                    assertThat(refused.contentType()).isEqualTo("application/problem+json");
                    assertThat(refused.json().get("detail").asString()).contains("every post");
                }
                assertThat(topic().eventsOf(post)).isEmpty();
            } finally {
                leases().deleteOne(Filters.eq("_id", "replay"));
            }
        }

        @Test
        void theExpiredLeaseOfAReplayThatCrashedIsTakenOverAndReleasedAfterwards() {
            UUID post = UUID.randomUUID();
            mongo.getCollection("eventStore").insertOne(publishedLike(post, 1));
            leaseHeldUntil(Instant.now().minus(Duration.ofSeconds(1)));
            try {
                Answer answer = api().replay(post);

                assertThat(answer.status()).isEqualTo(202);
                assertThat(topic().eventsOf(post)).extracting(RecordedEvent::version).containsExactly(1L);
                assertThat(leases().countDocuments()).isZero();
            } finally {
                leases().deleteOne(Filters.eq("_id", "replay"));
            }
        }
    }
}
