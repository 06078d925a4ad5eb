package org.socialmedia.cqrs.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.socialmedia.cqrs.domain.AggregateNotFoundException;
import org.socialmedia.cqrs.domain.AggregateRoot;
import org.socialmedia.cqrs.domain.DomainEvent;

/**
 * Loads aggregates by replaying their stream and saves them by appending what they raised, with
 * the version they were loaded at as the expected version (optimistic concurrency).
 */
public class EventSourcedRepository<A extends AggregateRoot<E>, E extends DomainEvent> {

    private final EventStore store;
    private final String aggregateType;
    private final Class<E> eventType;
    private final Function<UUID, A> newAggregate;
    private final Clock clock;

    public EventSourcedRepository(EventStore store, String aggregateType, Class<E> eventType,
                                  Function<UUID, A> newAggregate, Clock clock) {
        this.store = store;
        this.aggregateType = aggregateType;
        this.eventType = eventType;
        this.newAggregate = newAggregate;
        this.clock = clock;
    }

    public Optional<A> find(UUID id) {
        List<RecordedEvent> history = store.readStream(id, 0);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        A aggregate = newAggregate.apply(id);
        aggregate.replay(history.stream().map(recorded -> eventType.cast(recorded.event())).toList());
        return Optional.of(aggregate);
    }

    public A load(UUID id) {
        return find(id).orElseThrow(() -> new AggregateNotFoundException(aggregateType, id));
    }

    /**
     * Stores the aggregate's uncommitted events.
     *
     * @return the events as stored, empty if the aggregate raised none
     */
    public List<RecordedEvent> save(A aggregate, Map<String, String> metadata) {
        List<E> pending = aggregate.uncommittedEvents();
        if (pending.isEmpty()) {
            return List.of();
        }
        Instant now = EventTime.now(clock);
        long version = aggregate.committedVersion();
        List<RecordedEvent> records = new ArrayList<>(pending.size());
        for (E event : pending) {
            records.add(new RecordedEvent(UUID.randomUUID(), aggregate.id(), aggregateType, ++version, now, metadata, event));
        }
        store.append(aggregate.id(), aggregate.committedVersion(), records);
        aggregate.markCommitted();
        return records;
    }
}
