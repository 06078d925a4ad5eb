package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;

import org.junit.jupiter.api.Test;
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
}
