package org.socialmedia.cqrs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.socialmedia.cqrs.domain.Counter.CounterEvent.Incremented;
import org.socialmedia.cqrs.testing.AggregateFixture;

class AggregateRootTest {

    private final AggregateFixture<Counter, Counter.CounterEvent> fixture =
            AggregateFixture.forAggregate(() -> new Counter(UUID.randomUUID()));

    @Test
    void replayAppliesHistoryAndCountsVersionsWithoutUncommittedEvents() {
        fixture.given(new Incremented(2), new Incremented(3))
                .when(counter -> { })
                .expectNoEvents()
                .expectState(counter -> {
                    assertThat(counter.total()).isEqualTo(5);
                    assertThat(counter.version()).isEqualTo(2);
                    assertThat(counter.committedVersion()).isEqualTo(2);
                });
    }

    @Test
    void raisedEventChangesStateAtOnceAndWaitsToBeCommitted() {
        fixture.given(new Incremented(1))
                .when(counter -> counter.increment(4))
                .expectEvents(new Incremented(4))
                .expectState(counter -> {
                    assertThat(counter.total()).isEqualTo(5);
                    assertThat(counter.version()).isEqualTo(2);
                    assertThat(counter.committedVersion()).isEqualTo(1);
                    counter.markCommitted();
                    assertThat(counter.committedVersion()).isEqualTo(2);
                    assertThat(counter.uncommittedEvents()).isEmpty();
                });
    }

    @Test
    void refusedCommandRaisesNothing() {
        fixture.givenNothing()
                .when(counter -> counter.increment(0))
                .expectException(InvalidCommandException.class)
                .expectState(counter -> assertThat(counter.version()).isZero());
    }

    @Test
    void uncommittedEventsCannotBeModifiedFromOutside() {
        Counter counter = new Counter(UUID.randomUUID());
        counter.increment(1);
        List<Counter.CounterEvent> events = counter.uncommittedEvents();
        org.assertj.core.api.Assertions.assertThatThrownBy(events::clear)
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aDryRunSaysWhatADecisionWouldRaiseAndKeepsNothing() {
        Counter counter = new Counter(UUID.randomUUID());
        counter.increment(1);

        List<Counter.CounterEvent> wouldRaise = counter.dryRun(() -> counter.increment(5));

        assertThat(wouldRaise).containsExactly(new Incremented(5));
        assertThat(counter.total()).isEqualTo(1);
        assertThat(counter.version()).isEqualTo(1);
        assertThat(counter.uncommittedEvents()).containsExactly(new Incremented(1));
    }

    @Test
    void aDryRunRefusesWhatTheDecisionWouldRefuseAndTheNextDecisionCountsAgain() {
        Counter counter = new Counter(UUID.randomUUID());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> counter.dryRun(() -> counter.increment(0)))
                .isInstanceOf(InvalidCommandException.class);
        counter.increment(2);

        assertThat(counter.total()).isEqualTo(2);
        assertThat(counter.uncommittedEvents()).containsExactly(new Incremented(2));
    }
}
