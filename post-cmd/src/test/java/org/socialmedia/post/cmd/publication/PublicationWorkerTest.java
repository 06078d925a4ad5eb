package org.socialmedia.post.cmd.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.socialmedia.post.cmd.publication.EventRelayTest.event;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The publication thread with a broker whose acknowledgements the test gives. */
class PublicationWorkerTest {

    private static final UUID HOT = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final Duration GRACE = Duration.ofMillis(200);

    private final FakeOutbox outbox = new FakeOutbox();
    private final FakeBroker broker = new FakeBroker();
    private final PublicationProperties settings = new PublicationProperties(
            Duration.ofMillis(50), Duration.ofHours(1), GRACE, 500, 10_000, Duration.ofSeconds(10), 2_000);
    private final DeferredPublishedMarks marks = new DeferredPublishedMarks(outbox, settings.batchSize(), settings.queueCapacity());
    private final PublicationWakeUp wakeUp = new PublicationWakeUp();
    private final EventRelay relay = new EventRelay(marks.outbox(), broker, settings.maxInFlight(),
            new PublicationMetrics(new SimpleMeterRegistry(), outbox), wakeUp);
    private final PublicationWorker worker = new PublicationWorker(relay, marks, settings, wakeUp, Clock.systemUTC());

    PublicationWorkerTest() {
        marks.start();
        worker.start();
    }

    @AfterEach
    void stop() {
        broker.acknowledgeAtOnce = true;
        broker.acknowledgeEverything();
        worker.stop();
        marks.stop();
    }

    /** Stored by the service: in the store, and handed to the fast path. */
    private void stored(RecordedEvent... events) {
        outbox.store(List.of(events));
        worker.stored(List.of(events));
    }

    /** Once another post's later event is sent, the thread has handled everything stored before it. */
    private void handledUpTo(long otherVersion) {
        stored(event(OTHER, otherVersion));
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent.contains(FakeBroker.key(OTHER, otherVersion)));
        broker.acknowledge(OTHER, otherVersion);
    }

    @Test
    void sendsTheNextBatchWhileTheFirstIsUnacknowledged() {
        stored(event(HOT, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.sent.contains(FakeBroker.key(HOT, 1)));

        handledUpTo(1);

        assertThat(broker.unanswered(HOT, 1)).isTrue();
        assertThat(broker.sent).containsExactly(FakeBroker.key(HOT, 1), FakeBroker.key(OTHER, 1));
    }

    @Test
    void aBusyPostsNewerEventsWaitForItsAcknowledgementThenGoTogetherInOrder() {
        stored(event(HOT, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.unanswered(HOT, 1));
        stored(event(HOT, 2));
        stored(event(HOT, 3));
        stored(event(HOT, 4));
        handledUpTo(1);
        assertThat(broker.sentOf(HOT)).containsExactly(FakeBroker.key(HOT, 1));

        broker.acknowledge(HOT, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.unanswered(HOT, 4));

        // One run: all three out before the broker answered any of them.
        assertThat(broker.unanswered(HOT, 2)).isTrue();
        assertThat(broker.unanswered(HOT, 3)).isTrue();
        broker.acknowledgeEverything();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.isPublished(HOT, 4));
        assertThat(broker.sentOf(HOT)).containsExactly(
                FakeBroker.key(HOT, 1), FakeBroker.key(HOT, 2), FakeBroker.key(HOT, 3), FakeBroker.key(HOT, 4));
        assertThat(broker.sentAheadOfAnUnansweredVersion).isEmpty();
    }

    /** Version 2 expires in the producer, and 3 behind it, as the idempotent producer fails what follows a gap. */
    @Test
    void aFailedSendLeavesTheLaterVersionsToTheScanWhichPublishesThemInOrder() {
        stored(event(HOT, 1), event(HOT, 2), event(HOT, 3));
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.sentOf(HOT).size() == 3);
        stored(event(HOT, 4));
        handledUpTo(1);

        broker.expire(HOT, 2);
        broker.expire(HOT, 3);
        broker.acknowledgeAtOnce = true;
        broker.acknowledge(HOT, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.isPublished(HOT, 4));
        assertThat(broker.firstDeliveriesOf(HOT)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(broker.sentOf(HOT)).containsExactly(
                FakeBroker.key(HOT, 1), FakeBroker.key(HOT, 2), FakeBroker.key(HOT, 3),
                FakeBroker.key(HOT, 2), FakeBroker.key(HOT, 3), FakeBroker.key(HOT, 4));
        assertThat(broker.sentAheadOfAnUnansweredVersion).isEmpty();
    }

    @Test
    void stoppingWaitsForTheAcknowledgementsInFlightAndFlagsThem() throws InterruptedException {
        stored(event(HOT, 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.unanswered(HOT, 1));

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(worker::stop);
        broker.acknowledge(HOT, 1);
        stopping.join();
        marks.awaitWritten(Duration.ofSeconds(10));

        assertThat(outbox.isPublished(HOT, 1)).isTrue();
    }
}
