package org.socialmedia.devstack.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.socialmedia.devstack.e2e.ExpectedPosts.Outcome;
import org.socialmedia.devstack.e2e.ExpectedPosts.Post;
import org.socialmedia.devstack.e2e.SessionStep.AddComment;
import org.socialmedia.devstack.e2e.SessionStep.AtTheSameMoment;
import org.socialmedia.devstack.e2e.SessionStep.CreatePost;
import org.socialmedia.devstack.e2e.SessionStep.LikePost;
import org.socialmedia.devstack.e2e.SessionStep.RemoveComment;
import org.socialmedia.devstack.e2e.SessionStep.RemovePost;
import org.socialmedia.devstack.e2e.SessionStep.UpdateComment;
import org.socialmedia.devstack.e2e.SessionStep.UpdateMessage;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.api.Http;
import org.socialmedia.testsupport.api.LookupApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A morning on a small social app: several users post, like, comment, edit and remove, some of
 * them try what they may not, a few like the same post at the same moment. Every answer and, at
 * the end, every lookup must equal what a fold of the same steps predicts.
 */
@ExtendWith(RunningPair.class)
class SocialSessionIT {

    /** Names of this run, so that lookups by author see only this session's posts. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String alice = user("alice");
    private final String bob = user("bob");
    private final String carol = user("carol");
    private final String dave = user("dave");
    private final String erin = user("erin");

    private final CommandApi commands;
    private final LookupApi lookups;
    private final ExpectedPosts expected = new ExpectedPosts();
    /** Ids the services gave to the script's posts and comments. */
    private final Map<String, UUID> ids = new HashMap<>();

    SocialSessionIT(CommandApi commands, LookupApi lookups) {
        this.commands = commands;
        this.lookups = lookups;
    }

    private List<SessionStep> script() {
        List<SessionStep> fansAtOnce = IntStream.rangeClosed(1, 8)
                .mapToObj(i -> (SessionStep) new LikePost("trip", user("fan" + i))).toList();
        return List.of(
                new CreatePost("run", alice, "Morning run done"),
                new CreatePost("job", bob, "Started a new job today"),
                new CreatePost("trip", carol, "Pictures from the trip"),
                new LikePost("run", bob),
                new LikePost("run", carol),
                new LikePost("run", dave),
                new LikePost("run", bob),
                new AddComment("pace", "run", carol, "Nice pace"),
                new AddComment("join", "run", dave, "Can I join next time?"),
                new UpdateMessage("run", alice, "Morning run done: 10 km"),
                new UpdateMessage("run", bob, "bob was here"),
                new UpdateComment("pace", "run", carol, "Nice pace!"),
                new UpdateComment("pace", "run", dave, "not my comment"),
                new AddComment("congrats", "job", alice, "Congratulations"),
                new AddComment("typo", "job", carol, "Well desreved"),
                new RemoveComment("typo", "job", alice),
                new RemoveComment("typo", "job", carol),
                new AddComment("deserved", "job", carol, "Well deserved"),
                new LikePost("job", erin),
                new LikePost("trip", alice),
                new AtTheSameMoment(fansAtOnce),
                new CreatePost("oops", dave, "Posted to the wrong group"),
                new AddComment("which", "oops", alice, "Wrong group?"),
                new RemovePost("oops", alice),
                new RemovePost("oops", dave),
                new LikePost("oops", bob),
                new AddComment("late", "oops", erin, "Too late"),
                new RemovePost("oops", dave),
                new RemoveComment("join", "run", dave),
                new CreatePost("second", alice, "Second post of the day"),
                new LikePost("second", carol));
    }

    @Test
    void lookupsEqualTheFoldOfTheSession() {
        for (SessionStep step : script()) {
            if (step instanceof AtTheSameMoment together) {
                sendAtOnce(together);
            } else {
                send(step);
            }
        }

        for (Map.Entry<String, Post> entry : expected.posts().entrySet()) {
            Post post = entry.getValue();
            Answer looked = lookups.post(ids.get(entry.getKey()), post.version);
            if (post.removed) {
                assertThat(looked.status()).as("removed post %s", entry.getKey()).isEqualTo(404);
            } else {
                assertThat(looked.status()).as("post %s", entry.getKey()).isEqualTo(200);
                assertThat(withoutDates(looked.json())).as("post %s", entry.getKey()).isEqualTo(expectedJson(entry.getKey()));
                assertCommentsOldestFirst(looked.json());
            }
        }
        for (String author : List.of(alice, bob, carol, dave, erin)) {
            assertList("author=" + author, author, post -> true);
            assertList("author=" + author + "&withComments=true", author, post -> !post.comments.isEmpty());
            assertList("author=" + author + "&minLikes=2", author, post -> post.likedBy.size() >= 2);
        }
    }

    private void send(SessionStep step) {
        Outcome outcome = expected.apply(step);
        Answer response = call(step);
        switch (outcome) {
            case APPLIED, UNCHANGED -> {
                assertThat(response.status()).as("%s", response).isIn(200, 201);
                assertThat(response.version()).as("%s", response).isEqualTo(expected.posts().get(ExpectedPosts.postOf(step)).version);
            }
            case FORBIDDEN -> assertThat(response.status()).as("%s", response).isEqualTo(403);
            case GONE -> assertThat(response.status()).as("%s", response).isEqualTo(410);
        }
        if (step instanceof CreatePost create) {
            ids.put(create.post(), response.id());
        } else if (step instanceof AddComment add && outcome == Outcome.APPLIED) {
            ids.put(add.comment(), response.commentId());
        }
    }

    /** Concurrent likes of one post: each is applied once, whatever the order, so the versions are gapless. */
    private void sendAtOnce(AtTheSameMoment together) {
        assertThat(together.steps()).allMatch(LikePost.class::isInstance);
        Post post = expected.posts().get(ExpectedPosts.postOf(together.steps().get(0)));
        long before = post.version;
        expected.apply(together);
        ExecutorService phones = Executors.newFixedThreadPool(together.steps().size());
        List<Answer> responses;
        try {
            List<CompletableFuture<Answer>> calls = together.steps().stream()
                    .map(step -> CompletableFuture.supplyAsync(() -> call(step), phones)).toList();
            responses = calls.stream().map(CompletableFuture::join).toList();
        } finally {
            phones.shutdownNow();
        }
        assertThat(responses).allMatch(response -> response.status() == 200, "every like answered 200");
        assertThat(responses.stream().map(Answer::version))
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(before + 1, post.version).boxed().toList());
    }

    private Answer call(SessionStep step) {
        if (step instanceof CreatePost s) {
            return commands.createPost(s.author(), s.message());
        } else if (step instanceof UpdateMessage s) {
            return commands.updateMessage(ids.get(s.post()), s.username(), s.message());
        } else if (step instanceof LikePost s) {
            return commands.likePost(ids.get(s.post()), s.username());
        } else if (step instanceof AddComment s) {
            return commands.addComment(ids.get(s.post()), s.username(), s.text());
        } else if (step instanceof UpdateComment s) {
            return commands.updateComment(ids.get(s.post()), ids.get(s.comment()), s.username(), s.text());
        } else if (step instanceof RemoveComment s) {
            return commands.removeComment(ids.get(s.post()), ids.get(s.comment()), s.username());
        } else if (step instanceof RemovePost s) {
            return commands.removePost(ids.get(s.post()), s.username());
        }
        throw new IllegalArgumentException("not a single call: " + step);
    }

    /** A lookup list equals the author's visible posts that match, newest first. */
    private void assertList(String query, String author, Predicate<Post> matches) {
        List<JsonNode> expectedPosts = new ArrayList<>();
        for (String name : expected.visible()) {
            Post post = expected.posts().get(name);
            if (post.author.equals(author) && matches.test(post)) {
                expectedPosts.add(0, expectedJson(name));
            }
        }
        List<JsonNode> actual = lookups.all(query).stream().map(SocialSessionIT::withoutDates).toList();
        assertThat(actual).as(query).isEqualTo(expectedPosts);
    }

    private JsonNode expectedJson(String name) {
        Post post = expected.posts().get(name);
        ObjectNode json = Http.JSON.createObjectNode();
        json.put("id", ids.get(name).toString());
        json.put("author", post.author);
        json.put("message", post.message);
        json.put("likes", post.likedBy.size());
        json.put("version", post.version);
        ArrayNode comments = json.putArray("comments");
        post.comments.forEach((commentName, comment) -> comments.addObject()
                .put("id", ids.get(commentName).toString())
                .put("username", comment.username())
                .put("comment", comment.text())
                .put("edited", comment.edited()));
        // Through text, so that numbers compare as the services' JSON does (1 is 1, whatever its Java type).
        return Http.JSON.readTree(Http.JSON.writeValueAsString(json));
    }

    /** The services set the dates; the fold cannot know them, so they are checked apart. */
    private static JsonNode withoutDates(JsonNode post) {
        ObjectNode copy = (ObjectNode) post.deepCopy();
        assertThat(copy.remove("datePosted")).isNotNull();
        copy.get("comments").forEach(comment -> assertThat(((ObjectNode) comment).remove("commentDate")).isNotNull());
        return copy;
    }

    private static void assertCommentsOldestFirst(JsonNode post) {
        List<String> dates = new ArrayList<>();
        post.get("comments").forEach(comment -> dates.add(comment.get("commentDate").asString()));
        assertThat(dates.stream().map(Instant::parse).toList()).isSorted();
    }

    private String user(String name) {
        return name + "-" + run;
    }
}
