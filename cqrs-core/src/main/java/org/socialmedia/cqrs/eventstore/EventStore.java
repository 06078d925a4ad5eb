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

    /**
     * Appends events that continue the stream right after {@code expectedVersion}, in order, each
     * one on its own, and stops at the first whose version another writer already took.
     *
     * <p>This is what a store without multi-document transactions can honestly promise for
     * several events: a prefix of them is stored, never a gap and never one after a refused one.
     * A caller that decided several commands on one state (a group commit) keeps the answers
     * decided before the first refused event and decides the rest again on the fresh state.
     *
     * <p>The default appends one event at a time; a store overrides it with one ordered write.
     *
     * @return how many of the events, counted from the first, are stored
     */
    default int appendInOrder(UUID aggregateId, long expectedVersion, List<RecordedEvent> events) {
        int stored = 0;
        for (RecordedEvent event : events) {
            try {
                append(aggregateId, expectedVersion + stored, List.of(event));
            } catch (ConcurrencyException taken) {
                return stored;
            }
            stored++;
        }
        return stored;
    }

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
