package org.socialmedia.post.cmd.publication;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.socialmedia.cqrs.eventstore.RecordedEvent;

/** The event store seen as an outbox: the stored events and their published flags. */
final class FakeOutbox implements Outbox {

    final Set<String> published = ConcurrentHashMap.newKeySet();
    /** Reads of one flag: the relay's only store round trip while sending. */
    final AtomicInteger lookups = new AtomicInteger();
    private final List<RecordedEvent> stored = new CopyOnWriteArrayList<>();

    void alreadyPublished(UUID post, long version) {
        published.add(FakeBroker.key(post, version));
    }

    void store(List<RecordedEvent> events) {
        stored.addAll(events);
    }

    @Override
    public List<RecordedEvent> unpublishedBefore(Instant storedBefore, int limit) {
        return stored.stream()
                .filter(event -> event.occurredAt().isBefore(storedBefore))
                .filter(event -> !published.contains(FakeBroker.key(event.aggregateId(), event.version())))
                .sorted(Comparator.comparing(RecordedEvent::aggregateId).thenComparingLong(RecordedEvent::version))
                .limit(limit)
                .toList();
    }

    @Override
    public boolean isPublished(UUID aggregateId, long version) {
        lookups.incrementAndGet();
        return published.contains(FakeBroker.key(aggregateId, version));
    }

    @Override
    public void markPublished(Collection<RecordedEvent> events) {
        events.forEach(event -> published.add(FakeBroker.key(event.aggregateId(), event.version())));
    }

    @Override
    public long countUnpublished() {
        return stored.stream().filter(event -> !published.contains(FakeBroker.key(event.aggregateId(), event.version())))
                .count();
    }
}
