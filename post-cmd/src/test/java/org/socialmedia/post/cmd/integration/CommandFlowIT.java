package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every route of the command table, in the order a post lives through them, on real infrastructure. */
class CommandFlowIT extends IntegrationTest {

    @Test
    void aPostLivesThroughEveryCommandWithTheStatusesOfTheContract() {
        CommandApi api = api();

        Answer created = api.createPost("alice", "hello");
        assertThat(created.status()).isEqualTo(201);
        UUID post = created.id();
        assertThat(created.location()).isEqualTo("http://localhost:8082/api/v1/posts/" + post);
        assertThat(created.etag()).isEqualTo("\"1\"");
        assertThat(created.version()).isEqualTo(1);

        assertThat(api.updateMessage(post, "bob", "mine now").status()).isEqualTo(403);
        assertThat(api.ifMatch(7).updateMessage(post, "alice", "edited").status()).isEqualTo(412);
        Answer edited = api.ifMatch(1).updateMessage(post, "alice", "edited");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.etag()).isEqualTo("\"2\"");

        assertThat(api.likePost(post, "bob").version()).isEqualTo(3);
        Answer likedAgain = api.likePost(post, "bob");
        assertThat(likedAgain.status()).isEqualTo(200);
        assertThat(likedAgain.version()).isEqualTo(3);

        Answer commented = api.ifMatch(3).addComment(post, "carol", "nice");
        assertThat(commented.status()).isEqualTo(201);
        assertThat(commented.version()).isEqualTo(4);
        UUID comment = commented.commentId();
        assertThat(commented.location()).isEqualTo("http://localhost:8082/api/v1/posts/" + post);

        assertThat(api.updateComment(post, comment, "alice", "censored").status()).isEqualTo(403);
        assertThat(api.updateComment(post, UUID.randomUUID(), "carol", "?").status()).isEqualTo(404);
        assertThat(api.updateComment(post, comment, "carol", "very nice").version()).isEqualTo(5);
        assertThat(api.removeComment(post, comment, "alice").status()).isEqualTo(403);
        assertThat(api.removeComment(post, comment, "carol").version()).isEqualTo(6);
        assertThat(api.removeComment(post, comment, "carol").status()).isEqualTo(410);

        assertThat(api.removePost(post, "bob").status()).isEqualTo(403);
        Answer deleted = api.removePost(post, "alice");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.version()).isEqualTo(7);

        assertThat(api.removePost(post, "alice").status()).isEqualTo(410);
        assertThat(api.likePost(post, "dave").status()).isEqualTo(410);
        assertThat(api.addComment(post, "carol", "hello?").status()).isEqualTo(410);
        Answer unknown = api.likePost(UUID.randomUUID(), "bob");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(topic().eventsOf(post)).hasSize(7));
        assertEnvelopesFollowTheContract(post);
    }

    private void assertEnvelopesFollowTheContract(UUID post) {
        JsonMapper json = JsonMapper.builder().build();
        List<ConsumerRecord<String, String>> records = topic().all().stream()
                .filter(record -> post.toString().equals(record.key()))
                .toList();
        List<JsonNode> envelopes = records.stream().map(record -> json.readTree(record.value())).toList();

        assertThat(envelopes).extracting(envelope -> envelope.get("type").asString())
                .containsExactly("PostCreated", "MessageUpdated", "PostLiked", "CommentAdded", "CommentUpdated",
                        "CommentRemoved", "PostRemoved");
        assertThat(envelopes).extracting(envelope -> envelope.get("version").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(envelopes).allSatisfy(envelope -> {
            assertThat(envelope.get("aggregateId").asString()).isEqualTo(post.toString());
            assertThat(envelope.get("aggregateType").asString()).isEqualTo("Post");
            assertThat(UUID.fromString(envelope.get("eventId").asString())).isNotNull();
            assertThat(envelope.get("occurredAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
            assertThat(UUID.fromString(envelope.get("metadata").get("correlationId").asString())).isNotNull();
        });
        JsonNode created = envelopes.get(0).get("data");
        assertThat(created.get("author").asString()).isEqualTo("alice");
        assertThat(created.get("message").asString()).isEqualTo("hello");
        assertThat(created.get("datePosted").asString()).endsWith("Z");
        assertThat(envelopes.get(1).get("data").get("message").asString()).isEqualTo("edited");
        assertThat(envelopes.get(2).get("data").get("username").asString()).isEqualTo("bob");
        JsonNode comment = envelopes.get(3).get("data");
        assertThat(comment.propertyNames()).contains("commentId", "username", "comment", "commentDate");
        assertThat(envelopes.get(4).get("data").propertyNames()).contains("commentId", "username", "comment", "editDate");
        assertThat(envelopes.get(5).get("data").propertyNames()).contains("commentId", "username");
        assertThat(envelopes.get(6).get("data").get("username").asString()).isEqualTo("alice");
    }
}
