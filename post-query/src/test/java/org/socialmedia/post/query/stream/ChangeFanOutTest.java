package org.socialmedia.post.query.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;
import org.socialmedia.post.query.readmodel.AnnouncedChange;

/**
 * The fan-out on its own, with a sender whose tasks run only when the test says: a client that
 * does not read is one whose tasks do not run.
 */
class ChangeFanOutTest {

    private static final Duration RETRY = Duration.ofSeconds(3);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final StreamMetrics metrics = new StreamMetrics(registry);
    private final ManualSender sender = new ManualSender();
    private final UUID post = UUID.randomUUID();
    private long sequence;

    @Test
    void aSubscriberHearsTheChangesAfterTheRetryLine() {
        ChangeFanOut fanOut = fanOut(10, 100, 16);
        RecordingSink sink = new RecordingSink();
        fanOut.subscribe(SubscriberFilter.ALL, null, sink);

        AnnouncedChange first = change(post, 1, "alice");
        AnnouncedChange second = change(post, 2, "alice");
        fanOut.publish(first);
        fanOut.publish(second);
        sender.runAll();

        assertThat(sink.messages).containsExactly(new StreamMessage.Retry(RETRY), new StreamMessage.Change(first),
                new StreamMessage.Change(second));
        assertThat(counter("post.stream.events.sent")).isEqualTo(2);
    }

    @Test
    void aSubscriberWhoseQueueOverflowsIsToldToRefetchAndWhatItMissedIsCounted() throws InterruptedException {
        ThreadPoolExecutor threads = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        try {
            ChangeFanOut fanOut = new ChangeFanOut(properties(10, 100, 4), threads, metrics);
            BlockingSink slow = new BlockingSink();
            RecordingSink fast = new RecordingSink();
            fanOut.subscribe(SubscriberFilter.ALL, null, slow);
            fanOut.subscribe(SubscriberFilter.ALL, null, fast);

            AnnouncedChange first = change(post, 1, "alice");
            fanOut.publish(first);
            assertThat(slow.blocked.await(10, TimeUnit.SECONDS)).isTrue();
            // The slow client holds one sender thread; the other one serves everybody else, each change at once.
            for (int version = 2; version <= 10; version++) {
                fanOut.publish(change(post, version, "alice"));
                int heard = version;
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fast.changes()).hasSize(heard));
            }
            assertThat(counter("post.stream.events.dropped")).isEqualTo(5);

            slow.release.countDown();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(slow.messages).containsExactly(
                    new StreamMessage.Retry(RETRY), new StreamMessage.Change(first),
                    new StreamMessage.Refetch(RefetchReason.FELL_BEHIND.code())));
            assertThat(counter("post.stream.events.dropped")).isEqualTo(9);
            assertThat(registry.get("post.stream.refetches").tag("reason", "fell-behind").counter().count()).isEqualTo(1);

            AnnouncedChange afterwards = change(post, 11, "alice");
            fanOut.publish(afterwards);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(
                    () -> assertThat(slow.messages).last().isEqualTo(new StreamMessage.Change(afterwards)));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void filtersByPostAndByAuthor() {
        ChangeFanOut fanOut = fanOut(10, 100, 16);
        UUID other = UUID.randomUUID();
        RecordingSink onePost = new RecordingSink();
        RecordingSink bob = new RecordingSink();
        RecordingSink both = new RecordingSink();
        fanOut.subscribe(new SubscriberFilter(post, null), null, onePost);
        fanOut.subscribe(new SubscriberFilter(null, "bob"), null, bob);
        fanOut.subscribe(new SubscriberFilter(other, "bob"), null, both);

        AnnouncedChange alicesPost = change(post, 1, "alice");
        AnnouncedChange bobsPost = change(other, 1, "bob");
        AnnouncedChange bobsThirdPost = change(UUID.randomUUID(), 1, "bob");
        fanOut.publish(alicesPost);
        fanOut.publish(bobsPost);
        fanOut.publish(bobsThirdPost);
        sender.runAll();

        assertThat(onePost.changes()).containsExactly(alicesPost);
        assertThat(bob.changes()).containsExactly(bobsPost, bobsThirdPost);
        assertThat(both.changes()).containsExactly(bobsPost);
    }

    @Test
    void aRememberedLastEventIdGetsTheChangesHeardSince() {
        ChangeFanOut fanOut = fanOut(10, 3, 16);
        AnnouncedChange first = change(post, 1, "alice");
        AnnouncedChange second = change(post, 2, "alice");
        AnnouncedChange third = change(post, 3, "alice");
        AnnouncedChange fourth = change(post, 4, "alice");
        List.of(first, second, third, fourth).forEach(fanOut::publish);

        RecordingSink resumed = new RecordingSink();
        fanOut.subscribe(SubscriberFilter.ALL, Long.toString(second.sequence()), resumed);
        RecordingSink upToDate = new RecordingSink();
        fanOut.subscribe(SubscriberFilter.ALL, Long.toString(fourth.sequence()), upToDate);
        sender.runAll();

        assertThat(resumed.messages).containsExactly(new StreamMessage.Retry(RETRY), new StreamMessage.Change(third),
                new StreamMessage.Change(fourth));
        assertThat(upToDate.messages).containsExactly(new StreamMessage.Retry(RETRY));
    }

    @Test
    void aForgottenUnknownOrMalformedLastEventIdGetsRefetch() {
        ChangeFanOut fanOut = fanOut(10, 2, 16);
        AnnouncedChange forgotten = change(post, 1, "alice");
        fanOut.publish(forgotten);
        fanOut.publish(change(post, 2, "alice"));
        fanOut.publish(change(post, 3, "alice"));

        for (String lastEventId : List.of(Long.toString(forgotten.sequence()), "99999", "not-a-number")) {
            RecordingSink sink = new RecordingSink();
            fanOut.subscribe(SubscriberFilter.ALL, lastEventId, sink);
            sender.runAll();
            assertThat(sink.messages).as(lastEventId).containsExactly(new StreamMessage.Retry(RETRY),
                    new StreamMessage.Refetch(RefetchReason.UNKNOWN_LAST_EVENT_ID.code()));
        }
    }

    @Test
    void aGapInWhatWasHeardMakesEveryoneRefetchAndForgetsTheChangesBeforeIt() {
        ChangeFanOut fanOut = fanOut(10, 100, 16);
        AnnouncedChange before = change(post, 1, "alice");
        fanOut.publish(before);
        RecordingSink open = new RecordingSink();
        fanOut.subscribe(SubscriberFilter.ALL, null, open);

        fanOut.gapInChanges();
        RecordingSink resuming = new RecordingSink();
        fanOut.subscribe(SubscriberFilter.ALL, Long.toString(before.sequence()), resuming);
        sender.runAll();

        StreamMessage.Refetch reconnected = new StreamMessage.Refetch(RefetchReason.LISTENER_RECONNECTED.code());
        assertThat(open.messages).containsExactly(new StreamMessage.Retry(RETRY), reconnected);
        assertThat(resuming.messages).containsExactly(new StreamMessage.Retry(RETRY),
                new StreamMessage.Refetch(RefetchReason.UNKNOWN_LAST_EVENT_ID.code()));
    }

    @Test
    void subscribersAreBoundedAndAClosedOneFreesItsPlace() {
        ChangeFanOut fanOut = fanOut(2, 100, 16);
        Subscriber first = fanOut.subscribe(SubscriberFilter.ALL, null, new RecordingSink());
        fanOut.subscribe(SubscriberFilter.ALL, null, new RecordingSink());

        assertThatThrownBy(() -> fanOut.subscribe(SubscriberFilter.ALL, null, new RecordingSink()))
                .isInstanceOf(TooManySubscribersException.class);
        assertThat(registry.get("post.stream.subscribers").gauge().value()).isEqualTo(2);

        first.close();
        fanOut.subscribe(SubscriberFilter.ALL, null, new RecordingSink());
        assertThat(fanOut.size()).isEqualTo(2);
    }

    @Test
    void atShutdownEveryStreamEndsAndNewOnesAreTurnedAway() {
        ChangeFanOut fanOut = fanOut(10, 100, 16);
        RecordingSink open = new RecordingSink();
        fanOut.subscribe(SubscriberFilter.ALL, null, open);

        fanOut.closeAll();

        assertThat(open.closed).isTrue();
        assertThat(fanOut.size()).isZero();
        assertThatThrownBy(() -> fanOut.subscribe(SubscriberFilter.ALL, null, new RecordingSink()))
                .isInstanceOf(ShuttingDownException.class);
    }

    @Test
    void aClientThatCannotBeWrittenToIsUnsubscribed() {
        ChangeFanOut fanOut = fanOut(10, 100, 16);
        RecordingSink gone = new RecordingSink();
        gone.failing = true;
        Subscriber subscriber = fanOut.subscribe(SubscriberFilter.ALL, null, gone);
        fanOut.publish(change(post, 1, "alice"));
        sender.runAll();

        assertThat(subscriber.isClosed()).isTrue();
        assertThat(gone.closed).isTrue();
        assertThat(fanOut.size()).isZero();
        assertThat(counter("post.stream.events.dropped")).isEqualTo(1);
    }

    private ChangeFanOut fanOut(int maxSubscribers, int replaySize, int queueSize) {
        ChangeFanOut fanOut = new ChangeFanOut(properties(maxSubscribers, replaySize, queueSize), sender, metrics);
        metrics.countSubscribers(fanOut::size);
        return fanOut;
    }

    private static StreamProperties properties(int maxSubscribers, int replaySize, int queueSize) {
        return new StreamProperties(maxSubscribers, Duration.ofSeconds(15), replaySize, queueSize, 2, RETRY,
                Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    private AnnouncedChange change(UUID postId, long version, String author) {
        return new AnnouncedChange(++sequence, postId, version, author, false);
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }

    /** Runs queued send tasks only when asked. */
    private static final class ManualSender implements Executor {

        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
        }
    }

    /** A client that stops reading at its first change, until released: its write blocks, as on a full socket. */
    private static final class BlockingSink extends RecordingSink {

        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void send(StreamMessage message) throws IOException {
            if (message instanceof StreamMessage.Change && blocked.getCount() > 0) {
                blocked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            super.send(message);
        }
    }

    private static class RecordingSink implements StreamSink {

        final List<StreamMessage> messages = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        volatile boolean closed;

        @Override
        public void send(StreamMessage message) throws IOException {
            if (failing) {
                throw new IOException("broken pipe");
            }
            messages.add(message);
        }

        @Override
        public void close() {
            closed = true;
        }

        List<AnnouncedChange> changes() {
            return messages.stream().filter(StreamMessage.Change.class::isInstance)
                    .map(message -> ((StreamMessage.Change) message).change()).toList();
        }
    }
}
