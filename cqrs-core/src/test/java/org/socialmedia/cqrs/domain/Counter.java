package org.socialmedia.cqrs.domain;

import java.util.UUID;

/** The smallest aggregate worth testing the base class with. */
final class Counter extends AggregateRoot<Counter.CounterEvent> {

    sealed interface CounterEvent extends DomainEvent {
        record Incremented(int by) implements CounterEvent {
        }
    }

    private final UUID id;
    private int total;

    Counter(UUID id) {
        this.id = id;
    }

    void increment(int by) {
        if (by <= 0) {
            throw new InvalidCommandException("by", "must be positive");
        }
        raise(new CounterEvent.Incremented(by));
    }

    int total() {
        return total;
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    protected void when(CounterEvent event) {
        if (event instanceof CounterEvent.Incremented incremented) {
            total += incremented.by();
        }
    }
}
