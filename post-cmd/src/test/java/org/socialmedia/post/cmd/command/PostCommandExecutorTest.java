package org.socialmedia.post.cmd.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.domain.NotPermittedException;
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
        final AtomicInteger writes = new AtomicInteger();
        /** Runs after the first event of a write is stored and before the rest: another writer's moment. */
        volatile Runnable betweenEvents = () -> { };

        @Override
        public void append(UUID aggregateId, long expectedVersion, List<RecordedEvent> events) {
            delegate.append(aggregateId, expectedVersion, events);
        }

        @Override
        public int appendInOrder(UUID aggregateId, long expectedVersion, List<RecordedEvent> events) {
            writes.incrementAndGet();
            int stored = EventStore.super.appendInOrder(aggregateId, expectedVersion, events.subList(0, 1));
            if (stored == 0 || events.size() == 1) {
                return stored;
            }
            Runnable interleaved = betweenEvents;
            betweenEvents = () -> { };
            interleaved.run();
            return 1 + EventStore.super.appendInOrder(aggregateId, expectedVersion + 1, events.subList(1, events.size()));
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
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PostLines linesHere = new PostLines(64, Duration.ofSeconds(10));
    private final PostCommandExecutor here = instance(linesHere);
    private final PostCommandExecutor elsewhere = instance(new PostLines(64, Duration.ofSeconds(10)));

    private PostCommandExecutor instance(PostLines lines) {
        return new PostCommandExecutor(new PostRepository(store, Clock.systemUTC()), new PostCache(100), lines,
                events -> { }, new CommandMetrics(registry), 10, Duration.ofMillis(1));
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

    @Nested
    class InGroups {

        /** Runs each task on its own thread, all released at once, and returns each task's answer or refusal. */
        private List<Object> atOnce(List<Callable<Long>> tasks) throws InterruptedException {
            ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Long>> answers = new ArrayList<>();
                for (Callable<Long> task : tasks) {
                    answers.add(threads.submit(() -> {
                        start.await();
                        return task.call();
                    }));
                }
                start.countDown();
                List<Object> outcomes = new ArrayList<>();
                for (Future<Long> answer : answers) {
                    try {
                        outcomes.add(answer.get(30, TimeUnit.SECONDS));
                    } catch (ExecutionException refused) {
                        outcomes.add(refused.getCause());
                    } catch (TimeoutException e) {
                        throw new AssertionError("a command was never answered", e);
                    }
                }
                return outcomes;
            } finally {
                threads.shutdownNow();
            }
        }

        /**
         * Runs the tasks on one post while a first command holds its line, until all of them wait
         * in it: they then form one group, whatever the machine's speed.
         */
        private List<Object> inOneGroup(UUID post, List<Callable<Long>> tasks) throws Exception {
            CountDownLatch gate = new CountDownLatch(1);
            Thread first = new Thread(() -> run(here, post, p -> await(gate)));
            first.start();
            CompletableFuture<List<Object>> answers = CompletableFuture.supplyAsync(() -> atOnceUnchecked(tasks));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> linesHere.waiting(post) == tasks.size());
            gate.countDown();
            first.join(10_000);
            return answers.get(30, TimeUnit.SECONDS);
        }

        private List<Object> atOnceUnchecked(List<Callable<Long>> tasks) {
            try {
                return atOnce(tasks);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private Callable<Long> like(PostCommandExecutor instance, UUID post, String user) {
            return () -> run(instance, post, p -> p.like(user));
        }

        @Test
        void manyLikesAtOnceAreStoredInFewWritesWithOneVersionEach() throws Exception {
            UUID post = createdHere();
            int writesBefore = store.writes.get();
            List<Callable<Long>> likes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                likes.add(like(here, post, "fan-" + i));
            }

            List<Object> versions = inOneGroup(post, likes);

            assertThat(versions).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, 201).boxed().toList());
            assertThat(store.delegate.readStream(post, 0)).extracting(RecordedEvent::version)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 201).boxed().toList());
            assertThat(store.writes.get() - writesBefore).as("writes of groups of at most 64").isEqualTo(4);
            assertThat(registry.get("post.commands.group.size").summary().max()).isEqualTo(64);
        }

        @Test
        void eachCommandInAGroupGetsItsOwnAnswer() throws Exception {
            UUID post = createdHere();
            run(here, post, p -> p.like("bob"));
            List<Callable<Long>> commands = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                commands.add(like(here, post, "fan-" + i));
            }
            commands.add(like(here, post, "bob"));
            commands.add(() -> here.execute(ANY_COMMAND, post, OptionalLong.of(1), p -> p.like("too-late")));
            commands.add(() -> run(here, post, p -> p.updateMessage("mallory", "mine now")));
            commands.add(() -> here.execute(ANY_COMMAND, post, OptionalLong.of(1), p -> p.updateMessage("mallory", "mine now")));

            List<Object> outcomes = inOneGroup(post, commands);

            assertThat(outcomes.subList(0, 40)).allSatisfy(version -> assertThat(version).isInstanceOf(Long.class));
            assertThat(outcomes.get(40)).as("bob liked already: no new version").isInstanceOf(Long.class);
            assertThat(outcomes.get(41)).as("If-Match of a version long gone").isInstanceOf(StaleVersionException.class);
            assertThat(outcomes.get(42)).as("not the author").isInstanceOf(NotPermittedException.class);
            assertThat(outcomes.get(43)).as("not the author, so no 412 either").isInstanceOf(NotPermittedException.class);
            assertThat(store.delegate.readStream(post, 0)).hasSize(42);
            assertThat(outcomes.subList(0, 40)).doesNotHaveDuplicates();
            assertThat(registry.get("post.commands.group.size").summary().max()).isEqualTo(44);
        }

        @Test
        void whenAnotherWriterSlipsInMidGroupThePrefixStandsAndTheRestIsDecidedAgain() throws Exception {
            UUID post = createdHere();
            run(here, post, p -> p.like("warm-up"));
            store.betweenEvents = () -> run(elsewhere, post, p -> p.like("from elsewhere"));
            List<Callable<Long>> likes = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                likes.add(like(here, post, "fan-" + i));
            }

            List<Object> outcomes = inOneGroup(post, likes);

            List<RecordedEvent> stream = store.delegate.readStream(post, 0);
            assertThat(stream).extracting(RecordedEvent::version)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 33).boxed().toList());
            assertThat(registry.get("post.commands.group.size").summary().max()).isEqualTo(30);
            assertThat(stream.get(3).event().toString()).as("slipped in after the group's first event").contains("from elsewhere");
            assertThat(outcomes).allSatisfy(version -> assertThat(version).isInstanceOf(Long.class));
            assertThat(outcomes).doesNotHaveDuplicates();
            assertThat(outcomes).doesNotContain(4L);
            assertThat(registry.get("post.commands.conflicts.retried").counter().count()).isPositive();
        }

        @Test
        void twoInstancesOnOneHotPostLoseNothing() throws Exception {
            UUID post = createdHere();
            List<Callable<Long>> likes = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                likes.add(like(i % 2 == 0 ? here : elsewhere, post, "fan-" + i));
            }

            List<Object> outcomes = atOnce(likes);

            assertThat(outcomes).allSatisfy(version -> assertThat(version).isInstanceOf(Long.class));
            assertThat(outcomes).doesNotHaveDuplicates();
            assertThat(store.delegate.readStream(post, 0)).extracting(RecordedEvent::version)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 101).boxed().toList());
        }

        @Test
        void aCommandThatWaitsTooLongInTheLineLeavesItAndIsNeverStored() throws Exception {
            PostCommandExecutor impatient = instance(new PostLines(64, Duration.ofMillis(200)));
            UUID post = UUID.randomUUID();
            impatient.create(ANY_COMMAND, () -> Post.create(post, "alice", "hello", NOW));
            CountDownLatch stuck = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread first = new Thread(() -> run(impatient, post, p -> {
                stuck.countDown();
                await(release);
                p.like("slow");
            }));
            first.start();
            assertThat(stuck.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> run(impatient, post, p -> p.like("impatient"))).isInstanceOf(PostBusyException.class);
            release.countDown();
            first.join(10_000);

            assertThat(run(impatient, post, p -> p.like("patient"))).isEqualTo(3);
            assertThat(store.delegate.readStream(post, 0)).extracting(event -> event.event().toString())
                    .noneMatch(text -> text.contains("impatient"));
        }

        @Test
        void aDecisionThatRaisesAndThenRefusesStoresNothingOfItsRound() throws Exception {
            UUID post = createdHere();
            List<Callable<Long>> commands = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                commands.add(like(here, post, "fan-" + i));
            }
            commands.add(() -> run(here, post, p -> {
                p.like("spoiler");
                throw new NotPermittedException("changed its mind");
            }));

            List<Object> outcomes = inOneGroup(post, commands);

            assertThat(outcomes.get(20)).isInstanceOf(NotPermittedException.class);
            assertThat(outcomes.subList(0, 20)).allSatisfy(version -> assertThat(version).isInstanceOf(Long.class));
            assertThat(store.delegate.readStream(post, 0)).hasSize(21)
                    .extracting(event -> event.event().toString()).noneMatch(text -> text.contains("spoiler"));
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
