package org.socialmedia.post.query.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AssembledPostsTest {

    private static final UUID POST = UUID.randomUUID();

    private final AssembledPosts assembled = new AssembledPosts(1_000);

    private static PostDetails at(long version) {
        return new PostDetails(POST, "alice", "message at " + version, Instant.EPOCH, 0, version, List.of());
    }

    @Test
    void answersOnlyForTheVersionItRemembers() {
        assembled.remember(at(3));

        assertThat(assembled.at(POST, 3)).contains(at(3));
        assertThat(assembled.at(POST, 2)).isEmpty();
        assertThat(assembled.at(POST, 4)).isEmpty();
        assertThat(assembled.at(UUID.randomUUID(), 3)).isEmpty();
    }

    @Test
    void aLaterVersionReplacesAnEarlierOne() {
        assembled.remember(at(3));
        assembled.remember(at(5));

        assertThat(assembled.at(POST, 5)).contains(at(5));
        assertThat(assembled.at(POST, 3)).isEmpty();
    }

    @Test
    void anEarlierVersionAssembledLateDoesNotReplaceALaterOne() {
        assembled.remember(at(5));
        assembled.remember(at(3));

        assertThat(assembled.at(POST, 5)).contains(at(5));
    }
}
