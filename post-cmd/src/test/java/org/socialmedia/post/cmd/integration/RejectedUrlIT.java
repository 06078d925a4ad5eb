package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.testsupport.api.Answer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * URLs that Spring Security's firewall refuses before any filter or controller sees them (a path
 * parameter, an empty segment, an encoded period or percent): a 400 in the API's dialect, with a
 * valid token or none, and nothing stored. (Tomcat refuses an encoded slash, backslash or NUL
 * itself, before the application.)
 */
class RejectedUrlIT extends IntegrationTest {

    @Autowired
    EventStore store;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/posts/%s/likes;x=1", "/api/v1/posts//%s/likes", "/api/v1/posts/%s/%%2E%%2E/%s/likes",
            "/api/v1/posts/%s/likes%%25"})
    void aRefusedUrlIs400ProblemDetailsAndStoresNothing(String template) {
        UUID post = api().createPost("alice", "hello").id();
        String path = template.formatted(post, post);

        isRefused(api().http("bob").send("POST", path, "{}"));
        isRefused(api().http().send("POST", path, "{}"));
        assertThat(store.readStream(post, 0)).as("only the creation is stored").hasSize(1);
    }

    private static void isRefused(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString()).contains("URL");
    }
}
