package org.socialmedia.devstack.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.socialmedia.devstack.faults.HostileRequests.Request;
import org.socialmedia.devstack.tokens.StackSigningKey;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.api.Http;
import org.socialmedia.testsupport.api.LookupApi;
import org.socialmedia.testsupport.topic.TopicRecords.Written;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialmedia.testsupport.api.Http.object;

/**
 * Guarantee 5 and the HTTP edge: records that are not post events, or that PostgreSQL refuses,
 * written straight to the topic between good ones, land on the dead-letter topic alone while the
 * good ones are applied; text that no store can hold faithfully is refused at the edge; and
 * thousands of malformed, oversized and random requests against every route of both services
 * are answered 4xx with problem details, never 5xx, and change nothing.
 */
class HostileInputIT {

    private static final int GOOD_POSTS = 12;
    private static final int PARTITIONS = 3;
    private static final int HOSTILE_REQUESTS = 3000;
    private static final long SEED = 20261122L;

    private FaultStack faults;

    @BeforeEach
    void startStack(TestInfo test) {
        faults = FaultStack.start("hostile-input-" + test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stopStack() {
        faults.close();
    }

    @Test
    void poisonRecordsAreDeadLetteredWhileGoodRecordsKeepFlowing() {
        List<String> poison = poison();
        List<UUID> good = new ArrayList<>();
        List<Written> records = new ArrayList<>();
        for (int i = 0; i < GOOD_POSTS; i++) {
            UUID post = UUID.randomUUID();
            good.add(post);
            records.add(new Written(post.toString(), envelope(post, 1, "PostCreated",
                    "{\"author\":\"writer-" + i + "\",\"message\":\"straight to the topic\",\"datePosted\":\"" + Instant.now() + "\"}")));
            records.add(new Written(UUID.randomUUID().toString(), poison.get(i)));
            records.add(new Written(post.toString(), envelope(post, 2, "PostLiked", "{\"username\":\"fan\"}")));
            if (i + GOOD_POSTS < poison.size()) {
                records.add(new Written(UUID.randomUUID().toString(), poison.get(i + GOOD_POSTS)));
            }
            records.add(new Written(post.toString(), envelope(post, 3, "CommentAdded", "{\"commentId\":\"" + UUID.randomUUID()
                    + "\",\"username\":\"fan\",\"comment\":\"after the poison\",\"commentDate\":\"" + Instant.now() + "\"}")));
        }
        long poisonWritten = records.size() - 3L * GOOD_POSTS;
        long begin = System.nanoTime();
        faults.topic().write(records);

        LookupApi lookups = faults.lookups();
        for (UUID post : good) {
            JsonNode shown = await("good post " + post).atMost(Duration.ofMinutes(2))
                    .until(() -> lookups.post(post, 3), answer -> answer.status() == 200).json();
            assertThat(shown.get("likes").asLong()).as("likes of %s", post).isEqualTo(1);
            assertThat(shown.get("comments").size()).as("comments of %s", post).isEqualTo(1);
        }
        List<ConsumerRecord<String, String>> deadLetters = await("every poison record dead-lettered").atMost(Duration.ofMinutes(1))
                .until(() -> faults.deadLetterTopic().all(),
                        letters -> letters.size() >= poisonWritten);
        long converged = (System.nanoTime() - begin) / 1_000_000;
        assertThat(deadLetters).as("dead letters").hasSize((int) poisonWritten);
        assertThat(deadLetters.stream().map(ConsumerRecord::value).filter(Objects::nonNull).distinct().sorted().toList())
                .as("dead-lettered values").isEqualTo(poison.stream().filter(Objects::nonNull).distinct().sorted().toList());

        faults.report("poison records", records.size() + " records written to the topic, " + poisonWritten + " of them poison; "
                + deadLetters.size() + " dead-lettered, " + 3 * GOOD_POSTS + " good events applied; done in " + converged + " ms");
    }

    /**
     * The requests of the bug report: each once refused by PostgreSQL on the read side, after
     * post-cmd had accepted it, which stopped every lookup of every post. Now refused at the
     * edge, naming the field; nothing is stored, and the read side keeps applying what follows.
     */
    @Test
    void textNoStoreCanHoldIsRefusedNamingTheFieldAndTheReadSideKeepsFlowing() {
        CommandApi commands = faults.commands();
        UUID post = commands.createPost("alice", "a post to aim at").id();
        LookupApi lookups = faults.lookups();
        assertThat(lookups.post(post, 1).status()).isEqualTo(200);
        long storedBefore = faults.storedEvents();

        // With alice's token: each is refused for its text, not for want of a token.
        Http alice = commands.http("alice");
        Map<String, Answer> refused = new TreeMap<>(Map.of(
                "message", alice.send("POST", "/api/v1/posts", "{\"author\":\"a\",\"message\":\"x\\u0000y\"}"),
                "author", alice.send("POST", "/api/v1/posts", "{\"author\":\"a\\u0000\",\"message\":\"ok\"}"),
                "comment", alice.send("POST", "/api/v1/posts/" + post + "/comments",
                        "{\"username\":\"bob\",\"comment\":\"x\\u0000y\"}"),
                "username", alice.send("POST", "/api/v1/posts/" + post + "/likes", "{\"username\":\"b\\u0000b\"}")));
        refused.forEach((field, answer) -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").findValuesAsString("field")).as(answer.toString()).containsExactly(field);
        });
        assertThat(faults.storedEvents()).as("events stored").isEqualTo(storedBefore);

        UUID next = commands.createPost("b", "ok").id();
        assertThat(lookups.post(next, 1).status()).as("a later post, read with minVersion").isEqualTo(200);
        faults.report("unstorable text", refused.size() + " requests refused naming their field, nothing stored; the next post"
                + " was readable at once");
    }

    /**
     * Guarantee 5 for records PostgreSQL refuses (events from before the edge refused such text,
     * or written by anything else): written straight to the topic between good events of posts
     * on every partition, each is dead-lettered alone with its reason, its post's later versions
     * wait parked, and everything else is applied; the posts made through the API meanwhile
     * still fold from the event store to exactly what the lookups show.
     */
    @Test
    void recordsThePostgresRefusesAreDeadLetteredAloneWhileEveryPartitionFlows() {
        CommandApi commands = faults.commands();
        List<UUID> viaApi = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            viaApi.add(commands.createPost("writer-" + i, "through the API").id());
        }
        List<Written> records = new ArrayList<>();
        List<String> poison = new ArrayList<>();
        List<UUID> good = new ArrayList<>();
        Map<UUID, Long> stuckAt = new TreeMap<>();
        for (int partition = 0; partition < PARTITIONS; partition++) {
            UUID fine = postOnPartition(partition);
            UUID refusedMessage = postOnPartition(partition);
            UUID refusedComment = postOnPartition(partition);
            UUID refusedEdit = postOnPartition(partition);
            UUID refusedAuthor = postOnPartition(partition);
            good.add(fine);
            stuckAt.put(refusedComment, 1L);
            stuckAt.put(refusedEdit, 1L);
            records.add(created(fine, "writer", "fine"));
            records.add(poisonous(poison, created(refusedMessage, "writer", "x\\u0000y")));
            records.add(new Written(fine.toString(), envelope(fine, 2, "PostLiked", "{\"username\":\"fan\"}")));
            records.add(created(refusedComment, "writer", "fine until its comment"));
            records.add(poisonous(poison, new Written(refusedComment.toString(), envelope(refusedComment, 2, "CommentAdded",
                    "{\"commentId\":\"" + UUID.randomUUID() + "\",\"username\":\"fan\",\"comment\":\"\\u0000\",\"commentDate\":\""
                            + Instant.now() + "\"}"))));
            records.add(new Written(refusedComment.toString(), envelope(refusedComment, 3, "PostLiked", "{\"username\":\"fan\"}")));
            records.add(created(refusedEdit, "writer", "fine until its edit"));
            records.add(poisonous(poison, new Written(refusedEdit.toString(),
                    envelope(refusedEdit, 2, "MessageUpdated", "{\"message\":\"ed\\u0000it\"}"))));
            records.add(new Written(refusedEdit.toString(), envelope(refusedEdit, 3, "PostLiked", "{\"username\":\"fan\"}")));
            records.add(poisonous(poison, created(refusedAuthor, "w\\u0000", "fine")));
            records.add(new Written(fine.toString(), envelope(fine, 3, "CommentAdded", "{\"commentId\":\"" + UUID.randomUUID()
                    + "\",\"username\":\"fan\",\"comment\":\"after the poison\",\"commentDate\":\"" + Instant.now() + "\"}")));
        }
        long begin = System.nanoTime();
        faults.topic().write(records);
        for (UUID post : viaApi) {
            commands.likePost(post, "fan");
            commands.addComment(post, "fan", "written after the poison");
        }

        LookupApi lookups = faults.lookups();
        for (UUID post : good) {
            JsonNode shown = await("good post " + post).atMost(Duration.ofMinutes(2))
                    .until(() -> lookups.post(post, 3), answer -> answer.status() == 200).json();
            assertThat(shown.get("likes").asLong()).as("likes of %s", post).isEqualTo(1);
            assertThat(shown.get("comments").size()).as("comments of %s", post).isEqualTo(1);
        }
        List<ConsumerRecord<String, String>> deadLetters = await("every refused record dead-lettered").atMost(Duration.ofMinutes(1))
                .until(() -> faults.deadLetterTopic().all(),
                        letters -> letters.size() >= poison.size());
        long appliedOutsideTheStore = 3L * good.size() + stuckAt.size();
        Duration converged = faults.awaitConvergence(appliedOutsideTheStore);
        assertThat(deadLetters.stream().map(ConsumerRecord::value).sorted().toList()).as("dead-lettered values")
                .isEqualTo(poison.stream().sorted().toList());
        assertThat(deadLetters).as("each dead letter says why").allSatisfy(letter ->
                assertThat(letter.headers().lastHeader("dlt-reason")).isNotNull());
        stuckAt.forEach((post, version) -> assertThat(lookups.post(post).json().get("version").asLong())
                .as("version of %s, whose next event was refused", post).isEqualTo(version));

        faults.report("refused records", records.size() + " records written straight to the topic over " + PARTITIONS
                + " partitions, " + poison.size() + " of them refused by PostgreSQL and dead-lettered alone in "
                + (System.nanoTime() - begin) / 1_000_000 + " ms; the API's posts converged " + converged.toMillis() + " ms after");
    }

    @Test
    void hostileRequestsAreRefusedWithProblemDetailsAndChangeNothing() throws Exception {
        CommandApi commands = faults.commands();
        UUID post = commands.createPost("alice", "a post to aim at").id();
        Answer commented = commands.addComment(post, "carol", "a comment to aim at");
        UUID comment = commented.commentId();
        LookupApi lookups = faults.lookups();
        assertThat(lookups.post(post, commented.version()).status()).isEqualTo(200);
        Snapshot before = snapshot(lookups);

        HostileRequests hostile = new HostileRequests(commands, lookups.http(), post, comment,
                new StackSigningKey(faults.stack()));
        Map<String, Integer> statuses = new TreeMap<>();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        long begin = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < HOSTILE_REQUESTS; i++) {
            Request request = hostile.next(new Random(SEED + i));
            work.add(clients.submit(() -> {
                Answer answer = request.send();
                sent.incrementAndGet();
                synchronized (statuses) {
                    statuses.merge(String.valueOf(answer.status()), 1, Integer::sum);
                }
                if (answer.status() < 400 || answer.status() >= 500 || !answer.contentType().startsWith("application/problem+json")) {
                    violations.add(answer.toString());
                }
            }));
        }
        clients.shutdown();
        // Every request has a time-out of its own, so each one ends with an answer or a failure.
        for (Future<?> request : work) {
            request.get();
        }
        long took = (System.nanoTime() - begin) / 1_000_000;

        assertThat(violations).as("answers that were not 4xx problem details").isEmpty();
        Snapshot after = snapshot(lookups);
        assertThat(after).as("event store and read model after the hostile requests").isEqualTo(before);

        faults.report("hostile requests", sent.get() + " requests sent in " + took + " ms, answers by status " + statuses
                + "; " + after.storedEvents() + " events stored and " + after.appliedEvents() + " applied, before and after");
    }

    /**
     * Tokens that are missing, malformed, oversized, forged, expired, unsigned, or valid but
     * naming a user no service may accept: each command is refused with a 4xx problem, nothing is
     * stored, and other users' commands are served all along.
     */
    @Test
    void hostileAuthorizationHeadersAreRefusedAndOthersAreStillServed() throws Exception {
        CommandApi commands = faults.commands();
        UUID post = commands.createPost("alice", "a post to aim at").id();
        LookupApi lookups = faults.lookups();
        assertThat(lookups.post(post, 1).status()).isEqualTo(200);
        long storedBefore = faults.storedEvents();
        Map<String, String> hostile = HostileRequests.hostileAuthorizations(new StackSigningKey(faults.stack()));

        ExecutorService honest = Executors.newSingleThreadExecutor();
        Future<List<Answer>> servedMeanwhile = honest.submit(() -> {
            List<Answer> likes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                likes.add(commands.likePost(post, "fan-" + i));
            }
            return likes;
        });
        Map<String, Answer> answers = new TreeMap<>();
        hostile.forEach((kind, authorization) -> {
            Map<String, String> header = Map.of("Authorization", authorization);
            answers.put(kind + ", create", commands.http().send("POST", "/api/v1/posts", object("message", "hello"), header));
            answers.put(kind + ", comment", commands.http().send("POST", "/api/v1/posts/" + post + "/comments",
                    object("comment", "hi"), header));
            answers.put(kind + ", replay", commands.http().send("POST", "/api/v1/admin/replay", null, header));
        });
        List<Answer> served = servedMeanwhile.get();
        honest.shutdown();

        assertThat(answers).as("hostile authorizations").allSatisfy((kind, answer) -> {
            assertThat(answer.status()).as(kind + ": " + answer).isBetween(400, 499);
            if (!kind.startsWith(HostileRequests.OVERSIZED)) {
                assertThat(answer.contentType()).as(kind + ": " + answer).startsWith("application/problem+json");
            }
        });
        assertThat(served).as("another user's commands meanwhile").allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(faults.storedEvents()).as("events stored: the honest likes only").isEqualTo(storedBefore + served.size());
        assertThat(commands.addComment(post, "carol", "still open").status()).isEqualTo(201);
        Map<Integer, Long> byStatus = new TreeMap<>();
        answers.values().forEach(answer -> byStatus.merge(answer.status(), 1L, Long::sum));
        faults.report("hostile authorization", answers.size() + " commands with " + hostile.size() + " kinds of hostile"
                + " Authorization header, answers by status " + byStatus + "; nothing stored, " + served.size()
                + " likes by other users served meanwhile");
    }

    /** What hostile requests must not change: the event store, the read model, every post as the lookups show it. */
    private record Snapshot(long storedEvents, long appliedEvents, List<JsonNode> posts) {
    }

    private Snapshot snapshot(LookupApi lookups) {
        return new Snapshot(faults.storedEvents(), faults.appliedEvents(), lookups.all(""));
    }

    /** Values that can never become a post event, each for a different reason. */
    private static List<String> poison() {
        UUID post = UUID.randomUUID();
        List<String> poison = new ArrayList<>(List.of(
                "this is not JSON",
                "{\"eventId\":",
                "[1,2,3]",
                "42",
                "",
                envelope(post, 1, "PostShared", "{\"username\":\"bob\"}"),
                envelope(post, 1, "PostLiked", "{\"username\":\"bob\"}"),
                envelope(post, 2, "PostCreated", "{\"author\":\"bob\",\"message\":\"late\",\"datePosted\":\"2026-11-22T14:00:00Z\"}"),
                envelope(post, 1, "PostCreated", "\"not an object\""),
                envelope(post, 1, "PostCreated", "{\"author\":42}"),
                envelope(post, 3, "CommentAdded", "{\"commentId\":\"not-a-uuid\",\"username\":\"bob\",\"comment\":\"x\",\"commentDate\":\"yesterday\"}"),
                envelope(post, 2, "PostLiked", "{\"username\":\"bob\"}").replace("\"aggregateType\":\"Post\"", "\"aggregateType\":\"Comment\""),
                envelope(post, 2, "PostLiked", "{\"username\":\"bob\"}").replace(post.toString(), "not-a-uuid")));
        poison.add(null);
        return poison;
    }

    private static Written created(UUID post, String author, String message) {
        return new Written(post.toString(), envelope(post, 1, "PostCreated", "{\"author\":\"" + author + "\",\"message\":\""
                + message + "\",\"datePosted\":\"" + Instant.now() + "\"}"));
    }

    private static Written poisonous(List<String> poison, Written record) {
        poison.add(record.value());
        return record;
    }

    /** A fresh post id that the producer's default partitioner puts on the given partition. */
    private static UUID postOnPartition(int partition) {
        while (true) {
            UUID post = UUID.randomUUID();
            byte[] key = post.toString().getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % PARTITIONS == partition) {
                return post;
            }
        }
    }

    private static String envelope(UUID post, long version, String type, String data) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"aggregateId\":\"" + post
                + "\",\"aggregateType\":\"Post\",\"version\":" + version + ",\"occurredAt\":\"" + Instant.now()
                + "\",\"metadata\":{\"correlationId\":\"" + UUID.randomUUID() + "\"},\"data\":" + data + "}";
    }
}
