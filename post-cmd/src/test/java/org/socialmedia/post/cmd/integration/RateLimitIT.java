package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;
import org.springframework.test.context.TestPropertySource;

/**
 * The rate limit over real HTTP, with limits small enough to reach and no refill while the test
 * runs. Every request comes from the loopback address, so only one test spends the address's
 * allowance for requests without a token.
 */
@TestPropertySource(properties = {
        "app.security.rate-limit.capacity=3",
        "app.security.rate-limit.refill-tokens=1",
        "app.security.rate-limit.refill-period=1h",
        "app.security.rate-limit.anonymous-capacity=2",
        "app.security.rate-limit.anonymous-refill-tokens=1",
        "app.security.rate-limit.anonymous-refill-period=1h",
})
class RateLimitIT extends IntegrationTest {

    private static void isTooManyRequests(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo("3600");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(429);
    }

    @Test
    void aUsersCommandBeyondTheLimitIs429AndChangesNothingWhileOthersGoOn() {
        CommandApi api = api();
        String alice = "alice-" + UUID.randomUUID();
        UUID post = api.createPost(alice, "one").id();
        assertThat(api.likePost(post, alice).status()).isEqualTo(200);
        assertThat(api.addComment(post, alice, "three").status()).isEqualTo(201);

        Answer refused = api.updateMessage(post, alice, "four");

        isTooManyRequests(refused);
        Answer liked = api.likePost(post, "bob-" + UUID.randomUUID());
        assertThat(liked.status()).isEqualTo(200);
        assertThat(liked.version()).as("the refused update stored nothing").isEqualTo(4);
    }

    @Test
    void aFloodWithoutATokenMeets429WhileProbesAndTheApiDescriptionStillAnswer() {
        CommandApi anonymous = new CommandApi("http://localhost:" + port);
        assertThat(anonymous.createPost("mallory", "one").status()).isEqualTo(401);
        assertThat(anonymous.createPost("mallory", "two").status()).isEqualTo(401);

        for (int i = 0; i < 5; i++) {
            isTooManyRequests(anonymous.createPost("mallory", "more"));
        }

        for (int i = 0; i < 10; i++) {
            assertThat(anonymous.http().get("/livez").status()).isEqualTo(200);
            assertThat(anonymous.http().get("/readyz").status()).isEqualTo(200);
            assertThat(anonymous.http().get("/v3/api-docs").status()).isEqualTo(200);
        }
    }
}
