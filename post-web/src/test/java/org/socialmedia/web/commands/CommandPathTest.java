package org.socialmedia.web.commands;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandPathTest {

    private static final String ID = "7d7c3a61-5b8a-4a53-9d1e-0c1f0f7c1a11";

    @Test
    void thePostCommandsAreRelayedToTheSamePath() {
        assertThat(CommandPath.of("/cmd/api/v1/posts", null)).hasValue("/api/v1/posts");
        assertThat(CommandPath.of("/cmd/api/v1/posts/" + ID + "/message", null)).hasValue("/api/v1/posts/" + ID + "/message");
        assertThat(CommandPath.of("/cmd/api/v1/posts/" + ID + "/comments/" + ID, ""))
                .hasValue("/api/v1/posts/" + ID + "/comments/" + ID);
        assertThat(CommandPath.of("/cmd/api/v1/posts/" + ID, "username=alice")).hasValue("/api/v1/posts/" + ID + "?username=alice");
    }

    @Test
    void nothingElseIs() {
        for (String path : new String[] {"/cmd/api/v1/admin/replay", "/cmd/api/v1/posts/../admin/replay",
                "/cmd/api/v1/posts/..%2Fadmin", "/cmd/api/v1/posts/%2e%2e", "/cmd/api/v1/posts/a/b/c/d",
                "/cmd/api/v1/postsx", "/cmd/api/v1/posts/", "/api/v1/posts", "/cmd/api/v1/posts/a;b",
                "/cmd/api/v1/posts//x"}) {
            assertThat(CommandPath.of(path, null)).as(path).isEmpty();
        }
    }

    @Test
    void aQueryWithAnythingButPlainEncodedTextIsRefused() {
        assertThat(CommandPath.of("/cmd/api/v1/posts/" + ID, "username=al ice")).isEmpty();
        assertThat(CommandPath.of("/cmd/api/v1/posts/" + ID, "a=b#c")).isEmpty();
        assertThat(CommandPath.of("/cmd/api/v1/posts/" + ID, "username=%C3%A9")).isPresent();
    }
}
