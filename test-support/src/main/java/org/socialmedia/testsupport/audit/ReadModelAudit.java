package org.socialmedia.testsupport.audit;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.LookupApi;

import tools.jackson.databind.JsonNode;

/**
 * Checks that the read model equals a fold of the event store, post by post: author, message,
 * likes, version and comments (oldest first, with their edited flags), and removed posts absent.
 * Each lookup asks for the post's latest stored version ({@code minVersion}), so the audit waits
 * for the projection to catch up instead of racing it.
 */
public final class ReadModelAudit {

    /** How many posts were compared, how many events folded, and every difference found. */
    public record Result(int posts, long events, List<String> differences) {
        public boolean consistent() {
            return differences.isEmpty();
        }
    }

    private final LookupApi lookups;

    public ReadModelAudit(LookupApi lookups) {
        this.lookups = lookups;
    }

    public Result compare(EventStoreReader store, int parallelLookups) {
        Map<String, ExpectedPost> expected = new LinkedHashMap<>();
        long[] events = {0};
        store.forEach(event -> {
            expected.computeIfAbsent(event.postId(), id -> new ExpectedPost()).apply(event.event(), event.version());
            events[0]++;
        });
        ConcurrentLinkedQueue<String> differences = new ConcurrentLinkedQueue<>();
        ExecutorService lookups = Executors.newFixedThreadPool(parallelLookups);
        expected.forEach((id, post) -> lookups.submit(() -> {
            String difference = compare(id, post);
            if (difference != null) {
                differences.add(difference);
            }
        }));
        lookups.shutdown();
        try {
            if (!lookups.awaitTermination(10, TimeUnit.MINUTES)) {
                differences.add("the audit did not finish within 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            differences.add("the audit was interrupted");
        }
        return new Result(expected.size(), events[0], List.copyOf(differences));
    }

    private String compare(String id, ExpectedPost expected) {
        Answer answer;
        try {
            answer = lookups.post(UUID.fromString(id), expected.version);
        } catch (UncheckedIOException | IllegalStateException e) {
            return id + ": lookup failed: " + e;
        }
        if (expected.removed) {
            return answer.status() == 404 ? null : id + ": removed, but the lookup answered " + answer.status();
        }
        if (answer.status() != 200) {
            return id + ": lookup answered " + answer.status() + " " + answer.body();
        }
        JsonNode post = answer.json();
        List<String> wrong = new ArrayList<>();
        check(wrong, "author", expected.author, post.get("author").asString());
        check(wrong, "message", expected.message, post.get("message").asString());
        check(wrong, "likes", expected.likes, post.get("likes").asLong());
        check(wrong, "version", expected.version, post.get("version").asLong());
        List<ExpectedPost.Comment> comments = expected.comments();
        JsonNode shown = post.get("comments");
        check(wrong, "comment count", comments.size(), shown.size());
        for (int i = 0; i < Math.min(comments.size(), shown.size()); i++) {
            ExpectedPost.Comment comment = comments.get(i);
            JsonNode actual = shown.get(i);
            check(wrong, "comment " + i + " id", comment.id(), actual.get("id").asString());
            check(wrong, "comment " + i + " text", comment.comment(), actual.get("comment").asString());
            check(wrong, "comment " + i + " username", comment.username(), actual.get("username").asString());
            check(wrong, "comment " + i + " edited", comment.edited(), actual.get("edited").asBoolean());
        }
        return wrong.isEmpty() ? null : id + ": " + String.join(", ", wrong);
    }

    private static void check(List<String> wrong, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            wrong.add(what + " is " + actual + ", the events say " + expected);
        }
    }
}
