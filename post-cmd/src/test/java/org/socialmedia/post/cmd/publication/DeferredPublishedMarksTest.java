package org.socialmedia.post.cmd.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent;

class DeferredPublishedMarksTest {

    private static final UUID POST = UUID.randomUUID();

    /** The store's flags, writable only once the test opens the gate. */
    static final class SlowOutbox implements Outbox {
        final CountDownLatch gate = new CountDownLatch(1);
        final Set<Long> flagged = ConcurrentHashMap.newKeySet();
        final Set<String> writtenBy = ConcurrentHashMap.newKeySet();

        @Override
        public void markPublished(Collection<RecordedEvent> events) {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writtenBy.add(Thread.currentThread().getName());
            events.forEach(event -> flagged.add(event.version()));
        }

        boolean flagged(long version) {
            return flagged.contains(version);
        }

        @Override
        public List<RecordedEvent> unpublishedBefore(Instant storedBefore, int limit) {
            return List.of();
        }

        @Override
        public boolean isPublished(UUID aggregateId, long version) {
            return flagged(version);
        }

        @Override
        public long countUnpublished() {
            return 0;
        }
    }

    private final SlowOutbox store = new SlowOutbox();
    private final DeferredPublishedMarks marks = new DeferredPublishedMarks(store, 100, 2);

    @AfterEach
    void stop() {
        store.gate.countDown();
        marks.stop();
    }

    private static RecordedEvent liked(long version) {
        return new RecordedEvent(UUID.randomUUID(), POST, "Post", version, Instant.now(), Map.of(),
                new PostEvent.PostLiked("fan-" + version));
    }

    @Test
    void marksAreWrittenOffTheCallersThread() throws InterruptedException {
        marks.start();

        marks.outbox().markPublished(List.of(liked(1), liked(2)));
        assertThat(store.flagged(1)).isFalse();
        store.gate.countDown();
        marks.awaitWritten(Duration.ofSeconds(5));

        assertThat(store.flagged(1)).isTrue();
        assertThat(store.flagged(2)).isTrue();
        assertThat(store.writtenBy).containsExactly("event-published-marks");
    }

    @Test
    void whatDoesNotFitTheQueueIsWrittenByTheCaller() {
        store.gate.countDown();

        marks.outbox().markPublished(List.of(liked(1), liked(2), liked(3)));

        assertThat(store.flagged(3)).isTrue();
        assertThat(store.flagged(1)).isFalse();
    }

    @Test
    void stoppingWritesWhatIsStillQueued() {
        marks.start();
        marks.outbox().markPublished(List.of(liked(1), liked(2)));
        store.gate.countDown();

        marks.stop();

        assertThat(store.flagged(1)).isTrue();
        assertThat(store.flagged(2)).isTrue();
    }
}
