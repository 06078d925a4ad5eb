package org.socialmedia.cqrs.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.socialmedia.cqrs.domain.ConcurrencyException;
import org.socialmedia.cqrs.eventstore.EventStore;
import org.socialmedia.cqrs.eventstore.RecordedEvent;

/** A thread-safe event store in memory, for tests of code above the store. */
public final class InMemoryEventStore implements EventStore {

    private final Map<UUID, List<RecordedEvent>> streams = new ConcurrentHashMap<>();

    @Override
    public void append(UUID aggregateId, long expectedVersion, List<RecordedEvent> events) {
        streams.compute(aggregateId, (id, stream) -> {
            List<RecordedEvent> current = stream == null ? new ArrayList<>() : stream;
            if (current.size() != expectedVersion) {
                throw new ConcurrencyException(aggregateId, expectedVersion);
            }
            current.addAll(events);
            return current;
        });
    }

    @Override
    public List<RecordedEvent> readStream(UUID aggregateId, long afterVersion) {
        // Copied under the stream's own lock: an append may be adding to it on another thread.
        List<RecordedEvent> copy = new ArrayList<>();
        streams.computeIfPresent(aggregateId, (id, stream) -> {
            copy.addAll(stream);
            return stream;
        });
        return copy.stream()
                .filter(event -> event.version() > afterVersion)
                .toList();
    }

    @Override
    public long readAll(int batchSize, Consumer<List<RecordedEvent>> batchConsumer) {
        List<RecordedEvent> all = streams.values().stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(RecordedEvent::aggregateId).thenComparingLong(RecordedEvent::version))
                .toList();
        for (int from = 0; from < all.size(); from += batchSize) {
            batchConsumer.accept(all.subList(from, Math.min(all.size(), from + batchSize)));
        }
        return all.size();
    }
}
