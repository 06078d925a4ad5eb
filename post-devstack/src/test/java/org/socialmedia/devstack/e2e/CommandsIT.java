package org.socialmedia.devstack.e2e;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.api.Http;
import org.socialmedia.testsupport.api.LookupApi;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command of the contract, each followed by the lookup that shows its effect, across both
 * services. {@code minVersion} makes each lookup wait for exactly the write before it: no sleeps.
 */
@ExtendWith(RunningPair.class)
class CommandsIT {

    private final CommandApi commands;
    private final LookupApi lookups;

    CommandsIT(CommandApi commands, LookupApi lookups) {
        this.commands = commands;
        this.lookups = lookups;
    }

    @Test
    void createdPostIsLookedUpAtVersionOne() {
        Answer created = commands.createPost("ada", "first light");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo("\"1\"");
        Answer post = lookups.post(created.id(), 1);
        assertThat(new Http("").get(created.location()).json().get("id").asString())
                .as("the post where Location says it can be read").isEqualTo(created.id().toString());
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.etag()).isEqualTo("\"1\"");
        JsonNode shown = post.json();
        assertThat(shown.get("id").asString()).isEqualTo(created.id().toString());
        assertThat(shown.get("author").asString()).isEqualTo("ada");
        assertThat(shown.get("message").asString()).isEqualTo("first light");
        assertThat(shown.get("datePosted").asString()).isNotBlank();
        assertThat(shown.get("likes").asLong()).isZero();
        assertThat(shown.get("version").asLong()).isEqualTo(1);
        assertThat(shown.get("comments")).isEmpty();
    }

    @Test
    void editedMessageIsLookedUp() {
        UUID post = commands.createPost("ada", "draft").id();

        Answer edited = commands.updateMessage(post, "ada", "final words");

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.version()).isEqualTo(2);
        assertThat(lookups.post(post, 2).json().get("message").asString()).isEqualTo("final words");
    }

    @Test
    void staleIfMatchStoresNothing() {
        UUID post = commands.createPost("ada", "draft").id();
        commands.updateMessage(post, "ada", "second");

        Answer stale = commands.ifMatch(1).updateMessage(post, "ada", "lost update");
        Answer current = commands.ifMatch(2).updateMessage(post, "ada", "third");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(current.version()).isEqualTo(3);
        assertThat(lookups.post(post, 3).json().get("message").asString()).isEqualTo("third");
    }

    @Test
    void likesAreCountedOncePerUser() {
        UUID post = commands.createPost("ada", "like me").id();

        Answer first = commands.likePost(post, "grace");
        Answer again = commands.likePost(post, "grace");
        Answer other = commands.likePost(post, "linus");

        assertThat(first.version()).isEqualTo(2);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.version()).isEqualTo(2);
        assertThat(other.version()).isEqualTo(3);
        JsonNode looked = lookups.post(post, 3).json();
        assertThat(looked.get("likes").asLong()).isEqualTo(2);
        assertThat(looked.get("version").asLong()).isEqualTo(3);
    }

    @Test
    void commentIsLookedUpWithItsId() {
        UUID post = commands.createPost("ada", "comment on this").id();

        Answer comment = commands.addComment(post, "grace", "well put");

        assertThat(comment.status()).isEqualTo(201);
        UUID commentId = comment.commentId();
        JsonNode looked = lookups.post(post, comment.version()).json().get("comments").get(0);
        assertThat(new Http("").get(comment.location()).json().get("comments").get(0).get("id").asString())
                .as("the new comment, in the post where Location says it can be read").isEqualTo(commentId.toString());
        assertThat(looked.get("id").asString()).isEqualTo(commentId.toString());
        assertThat(looked.get("username").asString()).isEqualTo("grace");
        assertThat(looked.get("comment").asString()).isEqualTo("well put");
        assertThat(looked.get("commentDate").asString()).isNotBlank();
        assertThat(looked.get("edited").asBoolean()).isFalse();
    }

    @Test
    void editedCommentIsMarkedAndKeepsItsDate() {
        UUID post = commands.createPost("ada", "comment on this").id();
        Answer comment = commands.addComment(post, "grace", "wel put");
        UUID commentId = comment.commentId();
        String commentDate = lookups.post(post, comment.version()).json().get("comments").get(0).get("commentDate").asString();

        Answer edited = commands.updateComment(post, commentId, "grace", "well put");

        assertThat(edited.status()).isEqualTo(200);
        JsonNode looked = lookups.post(post, edited.version()).json().get("comments").get(0);
        assertThat(looked.get("comment").asString()).isEqualTo("well put");
        assertThat(looked.get("edited").asBoolean()).isTrue();
        assertThat(looked.get("commentDate").asString()).isEqualTo(commentDate);
    }

    @Test
    void removedCommentIsGoneFromTheLookup() {
        UUID post = commands.createPost("ada", "comment on this").id();
        UUID kept = commands.addComment(post, "grace", "keep me").commentId();
        UUID removed = commands.addComment(post, "linus", "oops").commentId();

        Answer removal = commands.removeComment(post, removed, "linus");

        assertThat(removal.status()).isEqualTo(200);
        JsonNode comments = lookups.post(post, removal.version()).json().get("comments");
        assertThat(comments).hasSize(1);
        assertThat(comments.get(0).get("id").asString()).isEqualTo(kept.toString());
    }

    @Test
    void deletedPostIsNoLongerLookedUpNorChangeable() {
        UUID post = commands.createPost("ada", "short-lived").id();
        commands.likePost(post, "grace");

        Answer deletion = commands.removePost(post, "ada");

        assertThat(deletion.status()).isEqualTo(200);
        assertThat(deletion.version()).isEqualTo(3);
        assertThat(lookups.post(post, 3).status()).isEqualTo(404);
        assertThat(lookups.all("author=ada")).noneMatch(p -> p.get("id").asString().equals(post.toString()));
        assertThat(commands.likePost(post, "linus").status()).isEqualTo(410);
        assertThat(commands.removePost(post, "ada").status()).isEqualTo(410);
    }

    @Nested
    class Lists {

        @Test
        void filtersFindThePostOnceItsEventsAreApplied() {
            String author = "filter-" + UUID.randomUUID().toString().substring(0, 8);
            UUID plain = commands.createPost(author, "nothing yet").id();
            UUID popular = commands.createPost(author, "popular and discussed").id();
            commands.likePost(popular, "grace");
            commands.likePost(popular, "linus");
            long last = commands.addComment(popular, "grace", "indeed").version();
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
        commands.addComment(post, "grace", "me too");
        long version = commands.likePost(post, "linus").version();
        JsonNode before = lookups.post(post, version).json();

        Answer replay = commands.replay();

        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().get("events").asLong()).isGreaterThanOrEqualTo(3);
        // Replay answers once every stored event is on the topic, so this like's event follows
        // the replayed ones in the post's partition: once it is applied, so are they.
        long after = commands.likePost(post, "after-replay").version();
        JsonNode looked = lookups.post(post, after).json();
        assertThat(after).isEqualTo(version + 1);
        assertThat(looked.get("likes").asLong()).isEqualTo(before.get("likes").asLong() + 1);
        assertThat(looked.get("comments")).isEqualTo(before.get("comments"));
        assertThat(looked.get("message")).isEqualTo(before.get("message"));
    }
}
