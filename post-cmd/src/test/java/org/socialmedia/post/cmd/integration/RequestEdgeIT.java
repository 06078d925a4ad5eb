package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent.PostCreated;
import org.socialmedia.testsupport.api.Answer;
import org.springframework.beans.factory.annotation.Autowired;

/** What the edge refuses or normalizes, on the real server: sizes as Tomcat sees them, text as the store keeps it. */
class RequestEdgeIT extends IntegrationTest {

    private static final int LIMIT = 64 * 1024;

    @Autowired
    EventStore store;

    private static String likeOfSize(int size) {
        String like = "{\"username\":\"bob\"}";
        return like + " ".repeat(size - like.length());
    }

    private static void isTooLarge(Answer answer) {
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(413);
        assertThat(answer.json().get("detail").asString()).contains(String.valueOf(LIMIT));
    }

    @Test
    void aBodyOverTheLimitWithAContentLengthIs413() {
        UUID post = api().createPost("alice", "hello").id();

        isTooLarge(api().http("bob").send("POST", "/api/v1/posts/" + post + "/likes", likeOfSize(LIMIT + 1)));
    }

    @Test
    void aChunkedBodyOverTheLimitIs413() {
        UUID post = api().createPost("alice", "hello").id();

        assertThat(api().http("bob").sendChunked("POST", "/api/v1/posts/" + post + "/likes", likeOfSize(LIMIT)).version()).isEqualTo(2);
        isTooLarge(api().http("bob").sendChunked("POST", "/api/v1/posts/" + post + "/likes", likeOfSize(LIMIT + 1)));
    }

    @Test
    void textIsStoredAndPublishedInTheNfcFormThatWasAccepted() {
        UUID post = api().createPost("Jose\u0301", "cafe\u0301 au lait").id();

        List<RecordedEvent> stored = store.readStream(post, 0);
        assertThat(stored).singleElement().extracting(RecordedEvent::event).isInstanceOfSatisfying(PostCreated.class, created -> {
            assertThat(created.author()).isEqualTo("Jos\u00e9");
            assertThat(created.message()).isEqualTo("caf\u00e9 au lait");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(topic().eventsOf(post)).extracting(RecordedEvent::event).containsExactly(stored.get(0).event()));
    }
}
