package org.socialmedia.devstack.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String queryServiceUrl;

    public ReadModelAudit(String queryServiceUrl) {
        this.queryServiceUrl = queryServiceUrl;
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
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(URI.create(queryServiceUrl + "/api/v1/posts/" + id + "?minVersion=" + expected.version))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return id + ": lookup failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return id + ": interrupted";
        }
        if (expected.removed) {
            return answer.statusCode() == 404 ? null : id + ": removed, but the lookup answered " + answer.statusCode();
        }
        if (answer.statusCode() != 200) {
            return id + ": lookup answered " + answer.statusCode() + " " + answer.body();
        }
        JsonNode post = JSON.readTree(answer.body());
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
