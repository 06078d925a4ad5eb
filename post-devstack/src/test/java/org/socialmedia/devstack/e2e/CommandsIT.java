package org.socialmedia.devstack.e2e;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socialmedia.devstack.e2e.Http.Response;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command of the contract, each followed by the lookup that shows its effect, across both
 * services. {@code minVersion} makes each lookup wait for exactly the write before it: no sleeps.
 */
@ExtendWith(RunningPair.class)
class CommandsIT {

    private final CommandApi commands;
    private final QueryApi lookups;

    CommandsIT(CommandApi commands, QueryApi lookups) {
        this.commands = commands;
        this.lookups = lookups;
    }

    @Test
    void createdPostIsLookedUpAtVersionOne() {
        Response created = commands.createPost("ada", "first light");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/posts/" + created.id());
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        Response post = lookups.post(created.id(), 1);
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.header("ETag")).isEqualTo("\"1\"");
        assertThat(post.body().get("id").asString()).isEqualTo(created.id().toString());
        assertThat(post.body().get("author").asString()).isEqualTo("ada");
        assertThat(post.body().get("message").asString()).isEqualTo("first light");
        assertThat(post.body().get("datePosted").asString()).isNotBlank();
        assertThat(post.body().get("likes").asLong()).isZero();
        assertThat(post.body().get("version").asLong()).isEqualTo(1);
        assertThat(post.body().get("comments")).isEmpty();
    }

    @Test
    void editedMessageIsLookedUp() {
        UUID post = commands.createPost("ada", "draft").id();

        Response edited = commands.editMessage(post, "ada", "final words");

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.version()).isEqualTo(2);
        assertThat(lookups.post(post, 2).body().get("message").asString()).isEqualTo("final words");
    }

    @Test
    void staleIfMatchStoresNothing() {
        UUID post = commands.createPost("ada", "draft").id();
        commands.editMessage(post, "ada", "second");

        Response stale = commands.editMessage(post, "ada", "lost update", "\"1\"");
        Response current = commands.editMessage(post, "ada", "third", "\"2\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(current.version()).isEqualTo(3);
        assertThat(lookups.post(post, 3).body().get("message").asString()).isEqualTo("third");
    }

    @Test
    void likesAreCountedOncePerUser() {
        UUID post = commands.createPost("ada", "like me").id();

        Response first = commands.like(post, "grace");
        Response again = commands.like(post, "grace");
        Response other = commands.like(post, "linus");

        assertThat(first.version()).isEqualTo(2);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.version()).isEqualTo(2);
        assertThat(other.version()).isEqualTo(3);
        JsonNode looked = lookups.post(post, 3).body();
        assertThat(looked.get("likes").asLong()).isEqualTo(2);
        assertThat(looked.get("version").asLong()).isEqualTo(3);
    }

    @Test
    void commentIsLookedUpWithItsId() {
        UUID post = commands.createPost("ada", "comment on this").id();

        Response comment = commands.comment(post, "grace", "well put");

        assertThat(comment.status()).isEqualTo(201);
        UUID commentId = UUID.fromString(comment.body().get("commentId").asString());
        assertThat(comment.header("Location")).isEqualTo("/api/v1/posts/" + post + "/comments/" + commentId);
        JsonNode looked = lookups.post(post, comment.version()).body().get("comments").get(0);
        assertThat(looked.get("id").asString()).isEqualTo(commentId.toString());
        assertThat(looked.get("username").asString()).isEqualTo("grace");
        assertThat(looked.get("comment").asString()).isEqualTo("well put");
        assertThat(looked.get("commentDate").asString()).isNotBlank();
        assertThat(looked.get("edited").asBoolean()).isFalse();
    }

    @Test
    void editedCommentIsMarkedAndKeepsItsDate() {
        UUID post = commands.createPost("ada", "comment on this").id();
        Response comment = commands.comment(post, "grace", "wel put");
        UUID commentId = UUID.fromString(comment.body().get("commentId").asString());
        String commentDate = lookups.post(post, comment.version()).body().get("comments").get(0).get("commentDate").asString();

        Response edited = commands.editComment(post, commentId, "grace", "well put");

        assertThat(edited.status()).isEqualTo(200);
        JsonNode looked = lookups.post(post, edited.version()).body().get("comments").get(0);
        assertThat(looked.get("comment").asString()).isEqualTo("well put");
        assertThat(looked.get("edited").asBoolean()).isTrue();
        assertThat(looked.get("commentDate").asString()).isEqualTo(commentDate);
    }

    @Test
    void removedCommentIsGoneFromTheLookup() {
        UUID post = commands.createPost("ada", "comment on this").id();
        UUID kept = UUID.fromString(commands.comment(post, "grace", "keep me").body().get("commentId").asString());
        UUID removed = UUID.fromString(commands.comment(post, "linus", "oops").body().get("commentId").asString());

        Response removal = commands.removeComment(post, removed, "linus");

        assertThat(removal.status()).isEqualTo(200);
        JsonNode comments = lookups.post(post, removal.version()).body().get("comments");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("id").asString()).isEqualTo(kept.toString());
    }

    @Test
    void deletedPostIsNoLongerLookedUpNorChangeable() {
        UUID post = commands.createPost("ada", "short-lived").id();
        commands.like(post, "grace");

        Response deletion = commands.deletePost(post, "ada");

        assertThat(deletion.status()).isEqualTo(200);
        assertThat(deletion.version()).isEqualTo(3);
        assertThat(lookups.post(post, 3).status()).isEqualTo(404);
        assertThat(lookups.all("author=ada")).noneMatch(p -> p.get("id").asString().equals(post.toString()));
        assertThat(commands.like(post, "linus").status()).isEqualTo(410);
        assertThat(commands.deletePost(post, "ada").status()).isEqualTo(410);
    }

    @Nested
    class Lists {

        @Test
        void filtersFindThePostOnceItsEventsAreApplied() {
            String author = "filter-" + UUID.randomUUID().toString().substring(0, 8);
            UUID plain = commands.createPost(author, "nothing yet").id();
            UUID popular = commands.createPost(author, "popular and discussed").id();
            commands.like(popular, "grace");
            commands.like(popular, "linus");
            long last = commands.comment(popular, "grace", "indeed").version();
            lookups.post(popular, last);
            lookups.post(plain, 1);

            assertThat(ids(lookups.all("author=" + author))).containsExactly(popular.toString(), plain.toString());
            assertThat(ids(lookups.all("author=" + author + "&withComments=true"))).containsExactly(popular.toString());
            assertThat(ids(lookups.all("author=" + author + "&minLikes=2"))).containsExactly(popular.toString());
            assertThat(ids(lookups.all("author=" + author + "&minLikes=3"))).isEmpty();
        }

        private static List<String> ids(List<JsonNode> posts) {
            return posts.stream().map(p -> p.get("id").asString()).toList();
        }
    }

    @Test
    void replayIntoALiveReadModelChangesNothing() {
        UUID post = commands.createPost("ada", "replay me").id();
        commands.comment(post, "grace", "me too");
        long version = commands.like(post, "linus").version();
        JsonNode before = lookups.post(post, version).body();

        Response replay = commands.replay();

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.body().get("events").asLong()).isGreaterThanOrEqualTo(3);
        // Replay answers once every stored event is on the topic, so this like's event follows
        // the replayed ones in the post's partition: once it is applied, so are they.
        long after = commands.like(post, "after-replay").version();
        JsonNode looked = lookups.post(post, after).body();
        assertThat(after).isEqualTo(version + 1);
        assertThat(looked.get("likes").asLong()).isEqualTo(before.get("likes").asLong() + 1);
        assertThat(looked.get("comments")).isEqualTo(before.get("comments"));
        assertThat(looked.get("message")).isEqualTo(before.get("message"));
    }
}
