package org.socialmedia.devstack.faults;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.socialmedia.devstack.faults.Http.Answer;
import org.socialmedia.devstack.faults.HostileRequests.Request;
import org.socialmedia.devstack.faults.TopicRecords.Written;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantee 5, first half, and the HTTP edge: records that are not post events, written straight
 * to the topic between good ones, land on the dead-letter topic while the good ones are applied;
 * and thousands of malformed, oversized and random requests against every route of both
 * services are answered 4xx with problem details, never 5xx, and change nothing.
 */
class HostileInputIT {

    private static final int GOOD_POSTS = 12;
    private static final int HOSTILE_REQUESTS = 3000;
    private static final long SEED = 20261122L;
    private static final Duration FUZZ_TIME_LIMIT = Duration.ofMinutes(3);

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
        TopicRecords.write(faults.stack().kafkaBootstrapServers(), FaultStack.TOPIC, records);

        LookupClient lookups = new LookupClient(faults.lookups());
        for (UUID post : good) {
            JsonNode shown = await("good post " + post).atMost(Duration.ofMinutes(2))
                    .until(() -> lookups.post(post, 3), answer -> answer.status() == 200).json();
            assertThat(shown.get("likes").asLong()).as("likes of %s", post).isEqualTo(1);
            assertThat(shown.get("comments").size()).as("comments of %s", post).isEqualTo(1);
        }
        List<ConsumerRecord<String, String>> deadLetters = await("every poison record dead-lettered").atMost(Duration.ofMinutes(1))
                .until(() -> TopicRecords.all(faults.stack().kafkaBootstrapServers(), FaultStack.DEAD_LETTER_TOPIC),
                        letters -> letters.size() >= poisonWritten);
        long converged = (System.nanoTime() - begin) / 1_000_000;
        assertThat(deadLetters).as("dead letters").hasSize((int) poisonWritten);
        assertThat(deadLetters.stream().map(ConsumerRecord::value).filter(Objects::nonNull).distinct().sorted().toList())
                .as("dead-lettered values").isEqualTo(poison.stream().filter(Objects::nonNull).distinct().sorted().toList());

        faults.report("poison records", records.size() + " records written to the topic, " + poisonWritten + " of them poison; "
                + deadLetters.size() + " dead-lettered, " + 3 * GOOD_POSTS + " good events applied; done in " + converged + " ms");
    }

    @Test
    void hostileRequestsAreRefusedWithProblemDetailsAndChangeNothing() throws Exception {
        CommandClient commands = faults.commands();
        UUID post = commands.createPost("alice", "a post to aim at").id();
        Answer commented = commands.comment(post, "carol", "a comment to aim at");
        UUID comment = UUID.fromString(commented.json().get("commentId").asString());
        LookupClient lookups = new LookupClient(faults.lookups());
        assertThat(lookups.post(post, commented.version()).status()).isEqualTo(200);
        Snapshot before = snapshot(lookups);

        HostileRequests hostile = new HostileRequests(commands.baseUrl(), faults.lookups(), post, comment);
        Map<String, Integer> statuses = new TreeMap<>();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        long begin = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < HOSTILE_REQUESTS; i++) {
            Request request = hostile.next(new Random(SEED + i));
            work.add(clients.submit(() -> {
                Answer answer = Http.send(request.method(), request.url(), request.contentType(), request.body(), request.headers());
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
        assertThat(clients.awaitTermination(FUZZ_TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)).as("done within the time limit").isTrue();
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

    /** What hostile requests must not change: the event store, the read model, every post as the lookups show it. */
    private record Snapshot(long storedEvents, long appliedEvents, List<String> posts) {
    }

    private Snapshot snapshot(LookupClient lookups) {
        return new Snapshot(faults.storedEvents(), faults.appliedEvents(), lookups.allPosts());
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

    private static String envelope(UUID post, long version, String type, String data) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"aggregateId\":\"" + post
                + "\",\"aggregateType\":\"Post\",\"version\":" + version + ",\"occurredAt\":\"" + Instant.now()
                + "\",\"metadata\":{\"correlationId\":\"" + UUID.randomUUID() + "\"},\"data\":" + data + "}";
    }
}
