package org.socialmedia.post.query.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.dispatch.QueryDispatcher;
import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.socialmedia.post.query.projection.PostsAdvanced;
import org.socialmedia.post.query.readmodel.AnnouncedChange;
import org.springframework.data.domain.Page;

class VersionAwaiterTest {

    private static final UUID POST = UUID.randomUUID();
    private static final int MAX_WAITERS = 1000;

    /** The read model's version of the post, as the database would answer. */
    private final AtomicLong appliedVersion = new AtomicLong(1);
    private final AtomicInteger versionQueries = new AtomicInteger();

    private final QueryDispatcher queries = new QueryDispatcher(PostQuery.class, List.of(
            handler(FindPostVersionQuery.class, query -> {
                versionQueries.incrementAndGet();
                return OptionalLong.of(appliedVersion.get());
            }),
            handler(FindPostByIdQuery.class, query -> Optional.<PostDetails>empty()),
            handler(FindPostsQuery.class, query -> Page.<PostDetails>empty())));

    // Polls so rare that only a wake-up can answer within the test's wait.
    private final VersionAwaiter awaiter = new VersionAwaiter(queries, Duration.ofSeconds(30), Duration.ofSeconds(20), 1, MAX_WAITERS);

    @AfterEach
    void stop() {
        awaiter.close();
    }

    @Test
    void aVersionAlreadyAppliedAnswersAtOnce() throws Exception {
        awaiter.awaitVersion(POST, 1).get(2, TimeUnit.SECONDS);
    }

    @Test
    void aCommittedChangeWakesItsWaiterBeforeTheNextPollWithoutAStatement() throws Exception {
        CompletableFuture<Void> waiting = awaiter.awaitVersion(POST, 3);
        await().atMost(Duration.ofSeconds(2)).until(() -> versionQueries.get() > 0);
        assertThat(waiting).isNotDone();

        appliedVersion.set(3);
        awaiter.reached(POST, 3);

        waiting.get(2, TimeUnit.SECONDS);
        assertThat(versionQueries).hasValue(1);
    }

    @Test
    void anotherInstancesAnnouncedChangeWakesTheWaiterAsThisInstancesProjectionDoes() throws Exception {
        ReadYourWritesWakeUp wakeUp = new ReadYourWritesWakeUp(awaiter);
        CompletableFuture<Void> heard = awaiter.awaitVersion(POST, 3);
        CompletableFuture<Void> projectedHere = awaiter.awaitVersion(POST, 4);
        await().atMost(Duration.ofSeconds(2)).until(() -> versionQueries.get() > 0);

        wakeUp.changed(new AnnouncedChange(7, POST, 3, "alice", false));
        assertThat(heard).succeedsWithin(Duration.ofSeconds(2));
        assertThat(projectedHere).isNotDone();

        wakeUp.on(new PostsAdvanced(Map.of(POST, 4L)));
        assertThat(projectedHere).succeedsWithin(Duration.ofSeconds(2));
        assertThat(versionQueries).hasValue(1);
    }

    @Test
    void aWakeUpBelowTheAwaitedVersionKeepsWaiting() throws Exception {
        CompletableFuture<Void> waiting = awaiter.awaitVersion(POST, 5);
        appliedVersion.set(4);

        awaiter.reached(POST, 4);

        assertThat(waiting).failsWithin(Duration.ofMillis(300)).withThrowableOfType(java.util.concurrent.TimeoutException.class);
    }

    @Test
    void aTimedOutWaitSaysWhichVersionWasReached() {
        VersionAwaiter impatient = new VersionAwaiter(queries, Duration.ofMillis(100), Duration.ofMillis(20), 1, MAX_WAITERS);
        try {
            CompletableFuture<Void> waiting = impatient.awaitVersion(POST, 9);
            assertThat(waiting).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(VersionNotReachedException.class);
        } finally {
            impatient.close();
        }
    }

    @Nested
    class ManyWaitersOnOnePost {

        @Test
        void shareOneChainOfPolls() {
            List<CompletableFuture<Void>> waiting = IntStream.range(0, 100).mapToObj(i -> awaiter.awaitVersion(POST, 3)).toList();
            await().atMost(Duration.ofSeconds(2)).until(() -> versionQueries.get() > 0);
            assertThat(versionQueries).hasValue(1);

            appliedVersion.set(3);
            awaiter.reached(POST, 3);

            assertThat(CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new))).succeedsWithin(Duration.ofSeconds(2));
            assertThat(versionQueries).hasValue(1);
        }

        @Test
        void aWaiterForAVersionThePollAlreadyFoundIsServedWithoutAPollOfItsOwn() {
            CompletableFuture<Void> ahead = awaiter.awaitVersion(POST, 3);
            await().atMost(Duration.ofSeconds(2)).until(() -> versionQueries.get() > 0);

            assertThat(awaiter.awaitVersion(POST, 1)).succeedsWithin(Duration.ofSeconds(2));
            assertThat(versionQueries).hasValue(1);
            assertThat(ahead).isNotDone();
        }

        @Test
        void eachIsServedWhenItsOwnVersionIsReached() {
            CompletableFuture<Void> soon = awaiter.awaitVersion(POST, 2);
            CompletableFuture<Void> later = awaiter.awaitVersion(POST, 5);

            appliedVersion.set(2);
            awaiter.reached(POST, 2);

            assertThat(soon).succeedsWithin(Duration.ofSeconds(2));
            assertThat(later).isNotDone();
        }

        @Test
        void eachKeepsItsOwnTimeout() {
            VersionAwaiter impatient = new VersionAwaiter(queries, Duration.ofSeconds(1), Duration.ofMillis(20), 1, MAX_WAITERS);
            try {
                CompletableFuture<Void> first = impatient.awaitVersion(POST, 9);
                // Polls are at least 20 ms apart, so the second waiter comes half a second after the first.
                await().atMost(Duration.ofSeconds(5)).until(() -> versionQueries.get() >= 25);
                CompletableFuture<Void> second = impatient.awaitVersion(POST, 9);

                assertThat(first).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(ExecutionException.class)
                        .withCauseInstanceOf(VersionNotReachedException.class);
                assertThat(second).isNotDone();
                assertThat(second).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(ExecutionException.class)
                        .withCauseInstanceOf(VersionNotReachedException.class);
            } finally {
                impatient.close();
            }
        }
    }

    @Nested
    class Bounded {

        private final VersionAwaiter bounded = new VersionAwaiter(queries, Duration.ofSeconds(30), Duration.ofSeconds(20), 1, 2);

        @AfterEach
        void stop() {
            bounded.close();
        }

        @Test
        void refusesAWaiterBeyondTheBoundAtOnceAndTakesOneAgainWhenAPlaceIsFree() {
            CompletableFuture<Void> first = bounded.awaitVersion(POST, 3);
            bounded.awaitVersion(UUID.randomUUID(), 3);

            assertThatThrownBy(() -> bounded.awaitVersion(POST, 3)).isInstanceOf(TooManyVersionWaitersException.class);

            appliedVersion.set(3);
            bounded.reached(POST, 3);
            assertThat(first).succeedsWithin(Duration.ofSeconds(2));
            CompletableFuture<Void> third = await().atMost(Duration.ofSeconds(2)).ignoreException(TooManyVersionWaitersException.class)
                    .until(() -> bounded.awaitVersion(POST, 3), Objects::nonNull);
            assertThat(third).succeedsWithin(Duration.ofSeconds(2));
        }
    }

    private static <Q extends PostQuery<R>, R> QueryHandler<Q, R> handler(Class<Q> type, java.util.function.Function<Q, R> answer) {
        return new QueryHandler<>() {
            @Override
            public Class<Q> queryType() {
                return type;
            }

            @Override
            public R handle(Q query) {
                return answer.apply(query);
            }
        };
    }
}
