package org.socialmedia.post.cmd.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.infra.test.TestInfrastructure;
import org.socialmedia.post.cmd.publication.Outbox;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.topic.TopicRecords;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * MongoDB freezes: its connections stay open and nothing answers, as a paused container or a
 * stalled host does. Only the client's own timeouts end such a wait, so this is where they show.
 */
class FrozenEventStoreIT extends IntegrationTest {

    /** One call's budget (app.event-store.operation-timeout, 2 s) and the way back; the lock timeout is 10 s. */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(5);

    /** What the API answered 2xx for: the event it stored at that version, by that user. */
    private record Accepted(UUID post, long version, String user) {
    }

    private record Timed(Answer answer, Duration took) {
    }

    @Autowired
    EventStore store;

    @Autowired
    Outbox outbox;

    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();

    @Test
    void commandsAnswer503InBoundedTimeWhileTheStoreIsFrozenAndNothingAcceptedIsLostOrReordered() throws Exception {
        UUID post = created("alice", "before the freeze");
        liked(post, "before-1");
        liked(post, "before-2");
        UUID busyPost = created("bob", "liked all through the freeze");
        UUID createdDuring;
        ExecutorService background = Executors.newSingleThreadExecutor();
        BusyClient busy = new BusyClient(busyPost);
        try {
            Future<?> busyRun = background.submit(busy);
            await().atMost(Duration.ofSeconds(30)).until(() -> busy.successes() >= 3);

            TestInfrastructure.mongo().freeze();
            try {
                // First, while the client still takes the server for available and sends the lease on its way.
                Timed replay = timed(() -> api().replay(post));
                assertRetryLaterInBound(replay);
                assertThat(replay.answer().json().get("detail").asString()).contains("the replay did not run");
                // Post and its state are cached here, so the command only appends: the outcome is unknown.
                Timed appended = timed(() -> api().likePost(post, "during-1"));
                Timed creation = timed(() -> api().createPost("carol", "during the freeze"));
                // The failed append dropped the cached post, so this command has to read it first, and nothing is changed.
                Timed loaded = timed(() -> api().likePost(post, "during-2"));
                List.of(appended, creation, loaded).forEach(FrozenEventStoreIT::assertRetryLaterInBound);
                assertThat(appended.answer().json().get("postId").asString()).isEqualTo(post.toString());
                assertThat(appended.answer().json().get("version").asLong()).isEqualTo(4);
                assertThat(appended.answer().json().get("detail").asString()).contains("may or may not be stored", "If-Match: \"3\"");
                assertThat(creation.answer().json().get("version").asLong()).isEqualTo(1);
                createdDuring = UUID.fromString(creation.answer().json().get("postId").asString());
                assertThat(loaded.answer().json().get("detail").asString()).contains("nothing was changed");

                Timed readiness = timed(() -> api().http().get("/readyz"));
                assertThat(readiness.took()).isLessThan(ANSWER_BOUND);
                assertThat(readiness.answer().status()).as(readiness.answer().toString()).isEqualTo(503);
                assertThat(readiness.answer().json().at("/components/mongo/status").asString()).isEqualTo("DOWN");
                Answer liveness = api().http().get("/livez");
                assertThat(liveness.status()).as(liveness.toString()).isEqualTo(200);

                int successesAtFreeze = busy.successes();
                await().atMost(ANSWER_BOUND.multipliedBy(2)).until(() -> busy.unavailable() >= 2);
                assertThat(busy.successes()).isEqualTo(successesAtFreeze);
            } finally {
                TestInfrastructure.mongo().thaw();
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> api().http().get("/readyz").status() == 200);
            // Sooner than the lease's time to live (60 s): the lease the frozen replay may have left is this instance's own.
            await().atMost(Duration.ofSeconds(10)).until(() -> api().replay(post).status() == 202);
            int successesAtThaw = busy.successes();
            await().atMost(Duration.ofSeconds(30)).until(() -> busy.successes() >= successesAtThaw + 3);
            busy.stop();
            busyRun.get();
        } finally {
            busy.stop();
            background.shutdownNow();
        }
        liked(post, "after-1");
        UUID createdAfter = created("dave", "after the thaw");
        liked(createdAfter, "after-2");

        assertThat(busy.answers()).allSatisfy(timed -> {
            assertThat(timed.answer().status()).as(timed.answer().toString()).isIn(200, 503);
            if (timed.answer().status() == 503) {
                assertRetryLaterInBound(timed);
            }
        });
        for (UUID each : List.of(post, busyPost, createdDuring, createdAfter)) {
            assertStoredGaplessWithEveryAcceptedEvent(each);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            TopicRecords topic = topic();
            for (UUID each : List.of(post, busyPost, createdDuring, createdAfter)) {
                assertThat(TopicRecords.firstDeliveries(topic.eventsOf(each))).as("first deliveries of %s", each)
                        .containsExactlyElementsOf(versionsUpTo(store.readStream(each, 0).size()));
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox.countUnpublished() == 0);
    }

    private void assertStoredGaplessWithEveryAcceptedEvent(UUID post) {
        List<RecordedEvent> stored = store.readStream(post, 0);
        assertThat(stored).extracting(RecordedEvent::version).as("versions of %s", post)
                .containsExactlyElementsOf(versionsUpTo(stored.size()));
        for (Accepted event : accepted) {
            if (event.post().equals(post)) {
                assertThat(event.version()).as("%s", event).isLessThanOrEqualTo(stored.size());
                assertThat(userOf(stored.get((int) event.version() - 1).event())).as("%s", event).isEqualTo(event.user());
            }
        }
    }

    private static void assertRetryLaterInBound(Timed timed) {
        Answer answer = timed.answer();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(timed.took()).as(answer.toString()).isLessThan(ANSWER_BOUND);
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.json().get("status").asInt()).isEqualTo(503);
    }

    private UUID created(String author, String message) {
        Answer answer = api().createPost(author, message);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        accepted.add(new Accepted(answer.id(), answer.version(), author));
        return answer.id();
    }

    private void liked(UUID post, String user) {
        Answer answer = api().likePost(post, user);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        accepted.add(new Accepted(post, answer.version(), user));
    }

    private static String userOf(Object event) {
        if (event instanceof PostEvent.PostCreated created) {
            return created.author();
        }
        return ((PostEvent.PostLiked) event).username();
    }

    private static List<Long> versionsUpTo(int last) {
        return LongStream.rangeClosed(1, last).boxed().toList();
    }

    private static Timed timed(Supplier<Answer> request) {
        long start = System.nanoTime();
        Answer answer = request.get();
        return new Timed(answer, Duration.ofNanos(System.nanoTime() - start));
    }

    /** One client liking a post again and again, under a new name each time, before, through and after the freeze. */
    private final class BusyClient implements Runnable {

        private final UUID post;
        private final List<Timed> answers = new CopyOnWriteArrayList<>();
        private volatile boolean stopped;

        BusyClient(UUID post) {
            this.post = post;
        }

        @Override
        public void run() {
            for (int i = 0; !stopped; i++) {
                String user = "busy-" + i;
                Timed timed = timed(() -> api().likePost(post, user));
                answers.add(timed);
                if (timed.answer().successful()) {
                    accepted.add(new Accepted(post, timed.answer().version(), user));
                }
                pause();
            }
        }

        /** A person's pace rather than a loop's, so the post's stream stays short. */
        private void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }

        void stop() {
            stopped = true;
        }

        List<Timed> answers() {
            return new ArrayList<>(answers);
        }

        int successes() {
            return (int) answers.stream().filter(timed -> timed.answer().successful()).count();
        }

        int unavailable() {
            return (int) answers.stream().filter(timed -> timed.answer().status() == 503).count();
        }
    }
}
