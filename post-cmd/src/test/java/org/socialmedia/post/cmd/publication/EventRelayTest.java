package org.socialmedia.post.cmd.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class EventRelayTest {

    private static final UUID POST = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    /** The published flags, as the store keeps them. */
    static final class FakeOutbox implements Outbox {
        final Set<String> published = new HashSet<>();

        void alreadyPublished(UUID post, long version) {
            published.add(post + "@" + version);
        }

        @Override
        public List<RecordedEvent> unpublishedBefore(Instant storedBefore, int limit) {
            return List.of();
        }

        @Override
        public boolean isPublished(UUID aggregateId, long version) {
            return published.contains(aggregateId + "@" + version);
        }

        @Override
        public void markPublished(Collection<RecordedEvent> events) {
            events.forEach(event -> published.add(event.aggregateId() + "@" + event.version()));
        }

        @Override
        public long countUnpublished() {
            return 0;
        }
    }

    /** A broker that records what it receives, and can be told to refuse one version. */
    static final class FakeSender implements EventSender {
        final List<String> sent = new ArrayList<>();
        long refusedVersion = -1;

        @Override
        public CompletableFuture<?> send(RecordedEvent event) {
            if (event.version() == refusedVersion) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker unavailable"));
            }
            sent.add(event.aggregateId() + "@" + event.version());
            return CompletableFuture.completedFuture(null);
        }
    }

    private final FakeOutbox outbox = new FakeOutbox();
    private final FakeSender sender = new FakeSender();
    private final EventRelay relay = new EventRelay(outbox, sender, Duration.ofSeconds(1),
            new PublicationMetrics(new SimpleMeterRegistry(), outbox));

    private static RecordedEvent event(UUID post, long version) {
        return new RecordedEvent(UUID.randomUUID(), post, "Post", version, Instant.now(), Map.of(),
                new PostEvent.PostLiked("user-" + version));
    }

    @Nested
    class InOrder {

        @Test
        void publishesEachPostsEventsInVersionOrderWhateverTheBatchOrder() {
            var outcome = relay.relay(List.of(event(POST, 2), event(OTHER, 1), event(POST, 1), event(POST, 3)));

            assertThat(outcome.published()).isEqualTo(4);
            assertThat(sender.sent.stream().filter(s -> s.startsWith(POST.toString())))
                    .containsExactly(POST + "@1", POST + "@2", POST + "@3");
            assertThat(outbox.isPublished(POST, 3)).isTrue();
        }

        @Test
        void continuesAPostWhosePredecessorAnotherInstancePublished() {
            outbox.alreadyPublished(POST, 4);

            var outcome = relay.relay(List.of(event(POST, 5)));

            assertThat(outcome.published()).isEqualTo(1);
        }
    }

    @Nested
    class Waiting {

        @Test
        void holdsBackAnEventWhosePredecessorIsNotPublishedYet() {
            var outcome = relay.relay(List.of(event(POST, 7)));

            assertThat(sender.sent).isEmpty();
            assertThat(outcome.waitingForPredecessor()).extracting(RecordedEvent::version).containsExactly(7L);
        }

        @Test
        void holdsBackWhatFollowsAGapInTheBatch() {
            // Version 2 was stored by another instance and is not in this batch.
            var outcome = relay.relay(List.of(event(POST, 1), event(POST, 3)));

            assertThat(sender.sent).containsExactly(POST + "@1");
            assertThat(outcome.waitingForPredecessor()).extracting(RecordedEvent::version).containsExactly(3L);
        }

        @Test
        void neitherMarksNorContinuesAfterARefusedEvent() {
            sender.refusedVersion = 2;

            var outcome = relay.relay(List.of(event(POST, 1), event(POST, 2), event(POST, 3)));

            assertThat(outcome.sendFailed()).isTrue();
            assertThat(sender.sent).containsExactly(POST + "@1");
            assertThat(outbox.isPublished(POST, 1)).isTrue();
            assertThat(outbox.isPublished(POST, 2)).isFalse();
            assertThat(outbox.isPublished(POST, 3)).isFalse();
        }

        @Test
        void skipsWhatItAlreadyPublished() {
            relay.relay(List.of(event(POST, 1), event(POST, 2)));

            relay.relay(List.of(event(POST, 2), event(POST, 3)));

            assertThat(sender.sent).containsExactly(POST + "@1", POST + "@2", POST + "@3");
        }

        /** The flags of a round were lost (the store did not answer): the scan finds those events again. */
        @Test
        void flagsAgainWithoutSendingAgainWhatItPublishedButTheStoreShowsUnpublished() {
            relay.relay(List.of(event(POST, 1), event(POST, 2)));
            outbox.published.clear();

            var outcome = relay.relay(List.of(event(POST, 1), event(POST, 2), event(POST, 3)));

            assertThat(sender.sent).containsExactly(POST + "@1", POST + "@2", POST + "@3");
            assertThat(outcome.published()).isEqualTo(1);
            assertThat(outbox.isPublished(POST, 1)).isTrue();
            assertThat(outbox.isPublished(POST, 2)).isTrue();
        }
    }
}
