package org.socialmedia.post.query.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.dispatch.QueryDispatcher;
import org.socialmedia.cqrs.dispatch.QueryHandler;
import org.springframework.data.domain.Page;

class VersionAwaiterTest {

    private static final UUID POST = UUID.randomUUID();

    /** The read model's version of the post, as the database would answer. */
    private final AtomicLong appliedVersion = new AtomicLong(1);

    private final QueryDispatcher queries = new QueryDispatcher(PostQuery.class, List.of(
            handler(FindPostVersionQuery.class, query -> OptionalLong.of(appliedVersion.get())),
            handler(FindPostByIdQuery.class, query -> Optional.<PostDetails>empty()),
            handler(FindPostsQuery.class, query -> Page.<PostDetails>empty())));

    // Polls so rare that only a wake-up can answer within the test's wait.
    private final VersionAwaiter awaiter = new VersionAwaiter(queries, Duration.ofSeconds(30), Duration.ofSeconds(20), 1);

    @AfterEach
    void stop() {
        awaiter.close();
    }

    @Test
    void aVersionAlreadyAppliedAnswersAtOnce() throws Exception {
        awaiter.awaitVersion(POST, 1).get(2, TimeUnit.SECONDS);
    }

    @Test
    void theProjectionAdvancingThePostWakesItsWaiterBeforeTheNextPoll() throws Exception {
        CompletableFuture<Void> waiting = awaiter.awaitVersion(POST, 3);
        Thread.sleep(100);
        assertThat(waiting).isNotDone();

        appliedVersion.set(3);
        awaiter.recheck(Set.of(POST));

        waiting.get(2, TimeUnit.SECONDS);
    }

    @Test
    void aWakeUpBelowTheAwaitedVersionKeepsWaiting() throws Exception {
        CompletableFuture<Void> waiting = awaiter.awaitVersion(POST, 5);
        appliedVersion.set(4);

        awaiter.recheck(Set.of(POST));

        assertThat(waiting).failsWithin(Duration.ofMillis(300)).withThrowableOfType(java.util.concurrent.TimeoutException.class);
    }

    @Test
    void aTimedOutWaitSaysWhichVersionWasReached() {
        VersionAwaiter impatient = new VersionAwaiter(queries, Duration.ofMillis(100), Duration.ofMillis(20), 1);
        try {
            CompletableFuture<Void> waiting = impatient.awaitVersion(POST, 9);
            assertThat(waiting).failsWithin(Duration.ofSeconds(2)).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(VersionNotReachedException.class);
        } finally {
            impatient.close();
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
