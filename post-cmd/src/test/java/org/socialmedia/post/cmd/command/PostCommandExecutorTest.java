package org.socialmedia.post.cmd.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.domain.StaleVersionException;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.cqrs.testing.InMemoryEventStore;
import org.socialmedia.post.cmd.domain.Post;
import org.socialmedia.post.cmd.domain.PostCommand.LikePostCommand;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Two instances, each with its own cache, sharing one store: the cache must never cost a correct answer. */
class PostCommandExecutorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T14:00:00.123Z");
    private static final LikePostCommand ANY_COMMAND = new LikePostCommand(UUID.randomUUID(), "x", OptionalLong.empty());

    /** Counts stream reads, to see whether a command replayed the post. */
    static final class CountingStore implements EventStore {
        final InMemoryEventStore delegate = new InMemoryEventStore();
        final AtomicInteger streamReads = new AtomicInteger();

        @Override
        public void append(UUID aggregateId, long expectedVersion, List<RecordedEvent> events) {
            delegate.append(aggregateId, expectedVersion, events);
        }

        @Override
        public List<RecordedEvent> readStream(UUID aggregateId, long afterVersion) {
            streamReads.incrementAndGet();
            return delegate.readStream(aggregateId, afterVersion);
        }

        @Override
        public long readAll(int batchSize, java.util.function.Consumer<List<RecordedEvent>> batchConsumer) {
            return delegate.readAll(batchSize, batchConsumer);
        }
    }

    private final CountingStore store = new CountingStore();
    private final PostCommandExecutor here = instance();
    private final PostCommandExecutor elsewhere = instance();

    private PostCommandExecutor instance() {
        return new PostCommandExecutor(new PostRepository(store, Clock.systemUTC()), new PostCache(100), new PostLocks(16, Duration.ofSeconds(10)),
                events -> { }, new CommandMetrics(new SimpleMeterRegistry()), 5, Duration.ofMillis(1));
    }

    private UUID createdHere() {
        UUID id = UUID.randomUUID();
        here.create(ANY_COMMAND, () -> Post.create(id, "alice", "hello", NOW));
        return id;
    }

    private static long run(PostCommandExecutor instance, UUID post, Consumer<Post> decision) {
        return instance.execute(ANY_COMMAND, post, OptionalLong.empty(), decision);
    }

    @Nested
    class OnOneInstance {

        @Test
        void aCachedPostIsNotReplayedForTheNextCommand() {
            UUID post = createdHere();
            int readsBefore = store.streamReads.get();

            for (int i = 0; i < 10; i++) {
                String user = "user-" + i;
                run(here, post, p -> p.like(user));
            }

            assertThat(store.streamReads.get()).isEqualTo(readsBefore);
            assertThat(store.delegate.readStream(post, 0)).hasSize(11);
        }

        @Test
        void aRefusedDecisionLeavesNothingBehindInTheCache() {
            UUID post = createdHere();

            assertThatThrownBy(() -> run(here, post, p -> {
                p.like("bob");
                throw new StaleVersionException(post, 0, 0);
            })).isInstanceOf(StaleVersionException.class);

            assertThat(run(here, post, p -> p.like("carol"))).isEqualTo(2);
            assertThat(store.delegate.readStream(post, 0)).hasSize(2);
        }
    }

    @Nested
    class WhenAnotherInstanceWroteMeanwhile {

        @Test
        void aStaleCacheLosesTheAppendAndTheCommandIsDecidedAgain() {
            UUID post = createdHere();
            run(elsewhere, post, p -> p.like("bob"));

            assertThat(run(here, post, p -> p.like("carol"))).isEqualTo(3);

            assertThat(store.delegate.readStream(post, 0)).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L);
        }

        @Test
        void aLikeAlreadyStoredElsewhereIsNotStoredTwice() {
            UUID post = createdHere();
            run(elsewhere, post, p -> p.like("bob"));

            assertThat(run(here, post, p -> p.like("bob"))).isEqualTo(2);

            assertThat(store.delegate.readStream(post, 0)).hasSize(2);
        }

        @Test
        void aCommentAddedElsewhereCanBeUpdatedHere() {
            UUID post = createdHere();
            UUID comment = UUID.randomUUID();
            run(elsewhere, post, p -> p.addComment(comment, "carol", "nice", NOW));

            assertThat(run(here, post, p -> p.updateComment(comment, "carol", "very nice", NOW))).isEqualTo(3);
        }

        @Test
        void anIfMatchOfAVersionStoredElsewhereIsHonoured() {
            UUID post = createdHere();
            run(elsewhere, post, p -> p.like("bob"));

            long version = here.execute(ANY_COMMAND, post, OptionalLong.of(2), p -> p.like("carol"));

            assertThat(version).isEqualTo(3);
        }

        @Test
        void anIfMatchOfTheCachedButOutdatedVersionIsRefused() {
            UUID post = createdHere();
            run(elsewhere, post, p -> p.like("bob"));

            assertThatThrownBy(() -> here.execute(ANY_COMMAND, post, OptionalLong.of(1), p -> p.like("carol")))
                    .isInstanceOfSatisfying(StaleVersionException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
        }
    }
}
