package org.socialmedia.cqrs.eventstore;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.socialmedia.cqrs.domain.ConcurrencyException;

/** The source of truth: an append-only log of events per aggregate. */
public interface EventStore {

    /**
     * Appends events that continue the stream right after {@code expectedVersion}.
     *
     * @throws ConcurrencyException if another writer already stored an event after
     *                              {@code expectedVersion}; then nothing of this call is stored
     */
    void append(UUID aggregateId, long expectedVersion, List<RecordedEvent> events);

    /** The stream's events with a version above {@code afterVersion}, oldest first; empty if unknown. */
    List<RecordedEvent> readStream(UUID aggregateId, long afterVersion);

    /**
     * Streams every stored event in batches of at most {@code batchSize}, each stream in version
     * order, without holding more than one batch in memory.
     *
     * @return how many events were read
     */
    long readAll(int batchSize, Consumer<List<RecordedEvent>> batchConsumer);
}
