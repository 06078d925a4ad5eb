package org.socialmedia.post.cmd.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.domain.AggregateNotFoundException;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.cqrs.testing.InMemoryEventStore;
import org.socialmedia.post.cmd.publication.EventSender;
import org.socialmedia.post.common.event.PostEvent;

class ReplayServiceTest {

    private static final int MAX_IN_FLIGHT = 10;
    private static final UUID POST = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    /** A broker that acknowledges only when the test says so, oldest first. */
    static final class HeldBroker implements EventSender {
        private final List<RecordedEvent> sent = new ArrayList<>();
        private final List<CompletableFuture<Void>> acks = new ArrayList<>();
        private int acknowledged;
        private int mostUnacknowledged;

        @Override
        public synchronized CompletableFuture<?> send(RecordedEvent event) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            sent.add(event);
            acks.add(ack);
            mostUnacknowledged = Math.max(mostUnacknowledged, unacknowledged());
            return ack;
        }

        synchronized int mostUnacknowledged() {
            return mostUnacknowledged;
        }

        synchronized int unacknowledged() {
            return acks.size() - acknowledged;
        }

        synchronized int sentCount() {
            return sent.size();
        }

        synchronized List<String> sentEvents() {
            return sent.stream().map(event -> event.aggregateId() + "@" + event.version()).toList();
        }

        void acknowledge(int count) {
            List<CompletableFuture<Void>> due;
            synchronized (this) {
                due = List.copyOf(acks.subList(acknowledged, acknowledged + count));
                acknowledged += count;
            }
            due.forEach(ack -> ack.complete(null));
        }

        void refuseOldest() {
            CompletableFuture<Void> refused;
            synchronized (this) {
                refused = acks.get(acknowledged++);
            }
            refused.completeExceptionally(new IllegalStateException("broker unavailable"));
        }
    }

    /** The lease as one flag, with a switch that makes it lost as if another replay had taken it over. */
    static final class OneLease implements ReplayLeases {
        String heldFor;
        boolean lost;

        @Override
        public synchronized Lease acquire(String scope) {
            if (heldFor != null) {
                throw new ReplayInProgressException(heldFor);
            }
            heldFor = scope;
            return new Lease() {
                @Override
                public boolean keepAlive() {
                    return !lost;
                }

                @Override
                public void close() {
                    synchronized (OneLease.this) {
                        heldFor = null;
                    }
                }
            };
        }
    }

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final HeldBroker broker = new HeldBroker();
    private final OneLease lease = new OneLease();
    private final ReplayService replay = new ReplayService(store, broker, lease, MAX_IN_FLIGHT, Duration.ofSeconds(30));

    private void stored(UUID post, int versions) {
        for (long version = 1; version <= versions; version++) {
            store.append(post, version - 1, List.of(new RecordedEvent(UUID.randomUUID(), post, "Post", version, Instant.now(),
                    Map.of(), new PostEvent.PostLiked("fan-" + version))));
        }
    }

    @Nested
    class LiveEventsAreNotQueuedBehindTheWholeReplay {

        @Test
        void neverMoreThanTheBoundIsUnacknowledged() {
            stored(POST, 50);
            AtomicLong replayed = new AtomicLong(-1);
            Thread replaying = new Thread(() -> replayed.set(replay.replayAll()), "replay");
            replaying.start();

            awaitWaitingForTheBroker(replaying);
            assertThat(broker.sentCount()).isEqualTo(MAX_IN_FLIGHT);

            broker.acknowledge(3);
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.sentCount() == MAX_IN_FLIGHT + 3);
            awaitWaitingForTheBroker(replaying);
            assertThat(broker.unacknowledged()).isEqualTo(MAX_IN_FLIGHT);

            await().atMost(Duration.ofSeconds(10)).until(() -> {
                broker.acknowledge(broker.unacknowledged());
                return !replaying.isAlive();
            });
            assertThat(replayed).hasValue(50);
            assertThat(broker.mostUnacknowledged()).isEqualTo(MAX_IN_FLIGHT);
        }

        /** The replay's thread only ever waits for the broker's acknowledgements. */
        private void awaitWaitingForTheBroker(Thread replaying) {
            await().atMost(Duration.ofSeconds(10)).until(() -> replaying.getState() == Thread.State.TIMED_WAITING);
        }
    }

    @Nested
    class OnePost {

        @Test
        void sendsOnlyItsEventsInVersionOrder() {
            stored(OTHER, 2);
            stored(POST, 3);
            CompletableFuture<Long> replayed = CompletableFuture.supplyAsync(() -> replay.replayPost(POST));
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.sentCount() == 3);
            broker.acknowledge(3);

            assertThat(replayed).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(3L);
            assertThat(broker.sentEvents()).containsExactly(POST + "@1", POST + "@2", POST + "@3");
        }

        @Test
        void anUnknownPostIsNotFoundAndLeavesTheLeaseFree() {
            assertThatThrownBy(() -> replay.replayPost(UUID.randomUUID())).isInstanceOf(AggregateNotFoundException.class);

            assertThat(lease.heldFor).isNull();
        }
    }

    @Nested
    class SingleFlight {

        @Test
        void aReplayIsRefusedWhileAnotherHoldsTheLease() {
            stored(POST, 1);
            lease.acquire("every post");

            assertThatThrownBy(() -> replay.replayPost(POST)).isInstanceOf(ReplayInProgressException.class)
                    .hasMessageContaining("every post");
            assertThat(broker.sentCount()).isZero();
        }

        @Test
        void aReplayThatLostItsLeaseStopsSending() {
            stored(POST, 5);
            lease.lost = true;

            assertThatThrownBy(replay::replayAll).isInstanceOf(ReplayFailedException.class);
            assertThat(broker.sentCount()).isZero();
        }

        @Test
        void aFailedReplayReleasesTheLease() {
            stored(POST, 3);
            CompletableFuture<Long> replayed = CompletableFuture.supplyAsync(replay::replayAll);
            await().atMost(Duration.ofSeconds(10)).until(() -> broker.sentCount() == 3);

            broker.refuseOldest();
            broker.acknowledge(2);

            assertThat(replayed).failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingCause()
                    .isInstanceOf(ReplayFailedException.class);
            assertThat(lease.heldFor).isNull();
        }
    }
}
