package org.socialmedia.devstack.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socialmedia.devstack.LocalStack;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.api.LookupApi;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event store is the source of truth: wipe the read database the way an operator would, replay,
 * and every lookup answers exactly what it answered before.
 */
@ExtendWith(RunningPair.class)
class ReadModelRebuildIT {

    private final CommandApi commands;
    private final LookupApi lookups;
    private final LocalStack stack;

    ReadModelRebuildIT(CommandApi commands, LookupApi lookups, LocalStack stack) {
        this.commands = commands;
        this.lookups = lookups;
        this.stack = stack;
    }

    @Test
    void replayIntoAWipedReadDatabaseRebuildsTheSameReadModel() throws SQLException {
        awaitReadModelOf(writeSomePosts());
        Map<String, JsonNode> before = everyLookup();

        stack.stopQueryService();
        dropReadSchema();
        stack.startQueryService();
        assertThat(lookups.page("").json().get("page").get("totalElements").asLong()).isZero();

        Answer replay = commands.replay();

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().get("events").asLong()).isPositive();
        await("the read model rebuilt by the replay").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(everyLookup()).isEqualTo(before));
    }

    /** A few posts in every state, so that the read model is not trivially small. */
    private Map<UUID, Long> writeSomePosts() {
        Map<UUID, Long> versions = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            UUID post = commands.createPost("rebuild-" + i, "post " + i).id();
            commands.likePost(post, "fan-a");
            commands.likePost(post, "fan-b");
            Answer comment = commands.addComment(post, "critic", "comment on " + i);
            UUID commentId = comment.commentId();
            long version = comment.version();
            if (i % 2 == 0) {
                version = commands.updateComment(post, commentId, "critic", "edited comment on " + i).version();
            }
            if (i == 3) {
                version = commands.removeComment(post, commentId, "critic").version();
            }
            if (i == 4) {
                version = commands.removePost(post, "rebuild-" + i).version();
            }
            versions.put(post, version);
        }
        return versions;
    }

    private void awaitReadModelOf(Map<UUID, Long> versions) {
        versions.forEach((post, version) -> assertThat(lookups.post(post, version).status()).isIn(200, 404));
    }

    /**
     * The full JSON of every list page and of every post with its ETag: everything a client can
     * see. Comparing it all is what "the same read model" means to a client.
     */
    private Map<String, JsonNode> everyLookup() {
        Map<String, JsonNode> seen = new LinkedHashMap<>();
        for (String filter : List.of("", "withComments=true", "minLikes=2")) {
            for (int page = 0; ; page++) {
                Answer response = lookups.page((filter.isEmpty() ? "" : filter + "&") + "size=100&page=" + page);
                seen.put("page " + page + " of '" + filter + "'", response.json());
                if (page + 1 >= response.json().get("page").get("totalPages").asInt()) {
                    break;
                }
            }
        }
        for (JsonNode post : lookups.all("")) {
            Answer one = lookups.post(UUID.fromString(post.get("id").asString()));
            seen.put("post " + post.get("id").asString() + " ETag " + one.etag(), one.json());
        }
        return seen;
    }

    /**
     * What an operator does to rebuild the read model from scratch (see the README): with
     * post-query stopped, drop its schema; on start, Flyway creates the tables again.
     */
    private void dropReadSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.postgresJdbcUrl(), stack.postgresUsername(), stack.postgresPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
    }
}
