package org.socialmedia.post.cmd.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    private static final UUID THIRD = UUID.randomUUID();

    private final FakeOutbox outbox = new FakeOutbox();
    private final FakeBroker broker = new FakeBroker();
    private SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private EventRelay relay = relayWithRoomFor(1_000);

    private EventRelay relayWithRoomFor(int maxInFlight) {
        registry = new SimpleMeterRegistry();
        return new EventRelay(outbox, broker, maxInFlight, new PublicationMetrics(registry, outbox), new PublicationWakeUp());
    }

    static RecordedEvent event(UUID post, long version) {
        return new RecordedEvent(UUID.randomUUID(), post, "Post", version, Instant.now(), Map.of(),
                new PostEvent.PostLiked("user-" + version));
    }

    private static List<Long> versions(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::version).toList();
    }

    @Nested
    class InOrder {

        @Test
        void publishesEachPostsEventsInVersionOrderWhateverTheBatchOrder() {
            broker.acknowledgeAtOnce = true;

            var outcome = relay.relay(List.of(event(POST, 2), event(OTHER, 1), event(POST, 1), event(POST, 3)));
            var acknowledged = relay.collectAcknowledged();

            assertThat(outcome.sent()).isEqualTo(4);
            assertThat(acknowledged.published()).isEqualTo(4);
            assertThat(broker.sentOf(POST)).containsExactly(POST + "@1", POST + "@2", POST + "@3");
            assertThat(outbox.isPublished(POST, 3)).isTrue();
        }

        @Test
        void continuesAPostWhosePredecessorAnotherInstancePublished() {
            broker.acknowledgeAtOnce = true;
            outbox.alreadyPublished(POST, 4);

            var outcome = relay.relay(List.of(event(POST, 5)));

            assertThat(outcome.sent()).isEqualTo(1);
            assertThat(relay.collectAcknowledged().published()).isEqualTo(1);
        }
    }

    @Nested
    class Waiting {

        @Test
        void holdsBackAnEventWhosePredecessorIsNotPublishedYet() {
            var outcome = relay.relay(List.of(event(POST, 7)));

            assertThat(broker.sent).isEmpty();
            assertThat(versions(outcome.waitingForPredecessor())).containsExactly(7L);
        }

        @Test
        void holdsBackWhatFollowsAGapInTheBatch() {
            // Version 2 was stored by another instance and is not in this batch.
            var outcome = relay.relay(List.of(event(POST, 1), event(POST, 3)));

            assertThat(broker.sent).containsExactly(POST + "@1");
            assertThat(versions(outcome.waitingForPredecessor())).containsExactly(3L);
        }

        @Test
        void neitherMarksNorContinuesAfterARefusedEvent() {
            broker.acknowledgeAtOnce = true;
            broker.refusedVersion = 2;

            var outcome = relay.relay(List.of(event(POST, 1), event(POST, 2), event(POST, 3)));
            var acknowledged = relay.collectAcknowledged();

            assertThat(outcome.sendFailed()).isTrue();
            assertThat(acknowledged.sendFailed()).isTrue();
            assertThat(broker.sent).containsExactly(POST + "@1");
            assertThat(outbox.isPublished(POST, 1)).isTrue();
            assertThat(outbox.isPublished(POST, 2)).isFalse();
            assertThat(outbox.isPublished(POST, 3)).isFalse();
        }

        @Test
        void skipsWhatItAlreadyPublished() {
            broker.acknowledgeAtOnce = true;
            relay.relay(List.of(event(POST, 1), event(POST, 2)));
            relay.collectAcknowledged();

            relay.relay(List.of(event(POST, 2), event(POST, 3)));

            assertThat(broker.sent).containsExactly(POST + "@1", POST + "@2", POST + "@3");
        }

        /** The flags of a round were lost (the store did not answer): the scan finds those events again. */
        @Test
        void flagsAgainWithoutSendingAgainWhatItPublishedButTheStoreShowsUnpublished() {
            broker.acknowledgeAtOnce = true;
            relay.relay(List.of(event(POST, 1), event(POST, 2)));
            relay.collectAcknowledged();
            outbox.published.clear();

            var outcome = relay.relay(List.of(event(POST, 1), event(POST, 2), event(POST, 3)));

            assertThat(broker.sent).containsExactly(POST + "@1", POST + "@2", POST + "@3");
            assertThat(outcome.sent()).isEqualTo(1);
            assertThat(outbox.isPublished(POST, 1)).isTrue();
            assertThat(outbox.isPublished(POST, 2)).isTrue();
        }
    }

    @Nested
    class Pipelined {

        @Test
        void sendsNothingMoreOfAPostWhileItsEventsAreUnacknowledged() {
            relay.relay(List.of(event(POST, 1), event(POST, 2)));

            var whileInFlight = relay.relay(List.of(event(POST, 3), event(POST, 4)));
            broker.acknowledge(POST, 1);
            relay.collectAcknowledged();
            var whileTwoIsInFlight = relay.relay(List.of(event(POST, 3), event(POST, 4)));

            assertThat(whileInFlight.sent()).isZero();
            assertThat(versions(whileInFlight.waitingForPredecessor())).containsExactly(3L, 4L);
            assertThat(whileTwoIsInFlight.sent()).isZero();
            assertThat(broker.sentOf(POST)).containsExactly(POST + "@1", POST + "@2");
            assertThat(outbox.isPublished(POST, 2)).isFalse();
            assertThat(broker.sentAheadOfAnUnansweredVersion).isEmpty();
        }

        /** A scan may find events the fast path has in flight: they are not sent twice at once. */
        @Test
        void doesNotSendAgainWhatIsInFlight() {
            outbox.alreadyPublished(POST, 4);
            relay.relay(List.of(event(POST, 5)));

            var scan = relay.relay(List.of(event(POST, 5), event(POST, 6)));

            assertThat(scan.sent()).isZero();
            assertThat(broker.sentOf(POST)).containsExactly(POST + "@5");
        }

        /** A busy post's held events are looked at on every pass: that must cost no store read. */
        @Test
        void asksTheStoreNothingAboutAPostWhileItIsInFlight() {
            relay.relay(List.of(event(POST, 1), event(POST, 2)));

            for (int pass = 0; pass < 10; pass++) {
                relay.relay(List.of(event(POST, 3)));
            }

            assertThat(outbox.lookups).hasValue(0);
        }

        @Test
        void sendsAPostsWaitingEventsTogetherOnceItsRunIsAcknowledged() {
            relay.relay(List.of(event(POST, 1)));
            relay.relay(List.of(event(POST, 2), event(POST, 3), event(POST, 4)));
            broker.acknowledge(POST, 1);

            var acknowledged = relay.collectAcknowledged();
            var outcome = relay.relay(List.of(event(POST, 2), event(POST, 3), event(POST, 4)));

            assertThat(acknowledged.published()).isEqualTo(1);
            assertThat(outcome.sent()).isEqualTo(3);
            assertThat(broker.sentOf(POST)).containsExactly(POST + "@1", POST + "@2", POST + "@3", POST + "@4");
        }

        @Test
        void sendsOtherPostsWhileOnePostIsUnacknowledged() {
            relay.relay(List.of(event(POST, 1)));

            var outcome = relay.relay(List.of(event(OTHER, 1), event(POST, 2), event(THIRD, 1)));

            assertThat(outcome.sent()).isEqualTo(2);
            assertThat(versions(outcome.waitingForPredecessor())).containsExactly(2L);
            assertThat(broker.sent).containsExactly(POST + "@1", OTHER + "@1", THIRD + "@1");
            assertThat(relay.eventsInFlight()).isEqualTo(3);
        }

        @Test
        void takesAcknowledgementsInWhateverOrderTheyComeAcrossPosts() {
            relay.relay(List.of(event(POST, 1), event(OTHER, 1), event(THIRD, 1)));
            broker.acknowledge(THIRD, 1);
            broker.acknowledge(OTHER, 1);

            var first = relay.collectAcknowledged();
            relay.relay(List.of(event(OTHER, 2)));
            broker.acknowledge(OTHER, 2);
            broker.acknowledge(POST, 1);
            var second = relay.collectAcknowledged();

            assertThat(first.published()).isEqualTo(2);
            assertThat(outbox.isPublished(POST, 1)).isTrue();
            assertThat(outbox.isPublished(OTHER, 2)).isTrue();
            assertThat(outbox.isPublished(THIRD, 1)).isTrue();
            assertThat(second.published()).isEqualTo(2);
            assertThat(second.sendFailed()).isFalse();
            assertThat(relay.eventsInFlight()).isZero();
        }

        /**
         * Version 2 expires in the producer while 3 is answered first: only 1 counts as published,
         * version 4 (stored meanwhile) waits for 2 and 3, and a scan sends them again in order.
         */
        @Test
        void aFailedSendLeavesWhatFollowsItUnpublishedUntilSentAgainInOrder() {
            relay.relay(List.of(event(POST, 1), event(POST, 2), event(POST, 3)));
            broker.acknowledge(POST, 3);
            broker.expire(POST, 2);
            broker.acknowledge(POST, 1);

            var acknowledged = relay.collectAcknowledged();
            var fastPath = relay.relay(List.of(event(POST, 4)));
            var scan = relay.relay(List.of(event(POST, 2), event(POST, 3), event(POST, 4)));
            broker.acknowledgeEverything();
            relay.collectAcknowledged();

            assertThat(acknowledged.published()).isEqualTo(1);
            assertThat(acknowledged.sendFailed()).isTrue();
            assertThat(fastPath.sent()).isZero();
            assertThat(scan.sent()).isEqualTo(3);
            assertThat(broker.sentOf(POST)).containsExactly(
                    POST + "@1", POST + "@2", POST + "@3", POST + "@2", POST + "@3", POST + "@4");
            assertThat(outbox.isPublished(POST, 4)).isTrue();
            assertThat(registry.get("post.events.publication.failures").counter().count()).isEqualTo(1);
            assertThat(broker.sentAheadOfAnUnansweredVersion).isEmpty();
        }

        @Test
        void neverHasMoreEventsInFlightThanItsBound() {
            relay = relayWithRoomFor(3);

            var first = relay.relay(List.of(event(POST, 1), event(POST, 2), event(POST, 3), event(POST, 4), event(OTHER, 1)));
            var full = relay.relay(List.of(event(THIRD, 1)));
            broker.acknowledge(POST, 1);
            broker.acknowledge(POST, 2);
            broker.acknowledge(POST, 3);
            relay.collectAcknowledged();
            var afterAcknowledgements = relay.relay(List.of(event(POST, 4), event(OTHER, 1), event(THIRD, 1)));

            assertThat(first.sent()).isEqualTo(3);
            assertThat(versions(first.waitingForPredecessor())).containsExactly(4L, 1L);
            assertThat(full.sent()).isZero();
            assertThat(afterAcknowledgements.sent()).isEqualTo(3);
            assertThat(broker.mostUnansweredAtOnce()).isEqualTo(3);
            assertThat(registry.get("post.events.publication.in.flight").gauge().value()).isEqualTo(3);
        }

        @Test
        void awaitsAcknowledgementsThatComeFromAnotherThread() throws InterruptedException {
            relay.relay(List.of(event(POST, 1), event(OTHER, 1)));

            CompletableFuture.runAsync(broker::acknowledgeEverything);
            var acknowledged = relay.awaitAcknowledged(Duration.ofSeconds(10));

            assertThat(acknowledged.published()).isEqualTo(2);
            assertThat(relay.eventsInFlight()).isZero();
        }

        @Test
        void givesUpWaitingForAcknowledgementsAfterTheTimeout() throws InterruptedException {
            relay.relay(List.of(event(POST, 1)));

            var acknowledged = relay.awaitAcknowledged(Duration.ofMillis(50));

            assertThat(acknowledged.published()).isZero();
            assertThat(relay.eventsInFlight()).isEqualTo(1);
            assertThat(outbox.isPublished(POST, 1)).isFalse();
        }
    }
}
