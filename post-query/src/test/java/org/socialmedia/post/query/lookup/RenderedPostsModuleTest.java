package org.socialmedia.post.query.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class RenderedPostsModuleTest {

    private final JsonMapper plain = JsonMapper.builder().build();
    private final JsonMapper rendering = JsonMapper.builder().addModule(new RenderedPostsModule()).build();

    private final PostDetails post = new PostDetails(UUID.randomUUID(), "alice", "hello \"world\" ✓",
            Instant.parse("2026-11-22T10:00:00.123Z"), 3, 5,
            List.of(new CommentDetails(UUID.randomUUID(), "bob", "nice", Instant.parse("2026-11-22T10:01:00Z"), true)));

    @Test
    void aPostIsWrittenExactlyAsWithoutTheModule() {
        assertThat(rendering.writeValueAsString(post)).isEqualTo(plain.writeValueAsString(post));
    }

    @Test
    void aPostWrittenAgainInsideAListIsTheSameJson() {
        String first = rendering.writeValueAsString(List.of(post, post));

        assertThat(rendering.writeValueAsString(List.of(post, post))).isEqualTo(first);
        assertThat(first).isEqualTo(plain.writeValueAsString(List.of(post, post)));
        assertThat(new String(rendering.writeValueAsBytes(post), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(plain.writeValueAsString(post));
    }
}
