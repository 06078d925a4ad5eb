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

    /**
     * Brings an aggregate kept in memory up to date with what others stored after it.
     *
     * @return whether there was anything newer: false proves the aggregate was current at the time of the read
     */
    public boolean catchUp(A aggregate) {
        if (!aggregate.uncommittedEvents().isEmpty()) {
            throw new IllegalStateException("an aggregate with decisions not yet stored cannot catch up");
        }
        List<RecordedEvent> newer = store.readStream(aggregate.id(), aggregate.version());
        aggregate.replay(newer.stream().map(recorded -> eventType.cast(recorded.event())).toList());
        return !newer.isEmpty();
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

    /**
     * Stores the aggregate's uncommitted events in order, each with its own metadata (each may be
     * the decision of a different caller), as far as no other writer took their versions first.
     *
     * <p>When only a prefix is stored, the aggregate holds decisions that are not stored and can
     * no longer be used: the caller loads it again.
     *
     * @param metadata one map per uncommitted event, in the same order
     * @return the events that are stored, a prefix of the uncommitted ones
     */
    public List<RecordedEvent> saveInOrder(A aggregate, List<Map<String, String>> metadata) {
        List<E> pending = aggregate.uncommittedEvents();
        if (pending.size() != metadata.size()) {
            throw new IllegalArgumentException(pending.size() + " events but metadata for " + metadata.size());
        }
        if (pending.isEmpty()) {
            return List.of();
        }
        Instant now = EventTime.now(clock);
        long version = aggregate.committedVersion();
        List<RecordedEvent> records = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            records.add(new RecordedEvent(UUID.randomUUID(), aggregate.id(), aggregateType, ++version, now, metadata.get(i), pending.get(i)));
        }
        int stored = store.appendInOrder(aggregate.id(), aggregate.committedVersion(), records);
        if (stored == records.size()) {
            aggregate.markCommitted();
        }
        return records.subList(0, stored);
    }
}
