package org.socialmedia.cqrs.eventstore;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.socialmedia.cqrs.domain.DomainEvent;

/**
 * An event with the facts the store keeps around it: which aggregate, at which version, when,
 * and free-form metadata such as a correlation id. This is also the shape published to consumers.
 */
public record RecordedEvent(
        UUID eventId,
        UUID aggregateId,
        String aggregateType,
        long version,
        Instant occurredAt,
        Map<String, String> metadata,
        DomainEvent event) {

    public RecordedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(event, "event");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1, got " + version);
        }
        metadata = Map.copyOf(metadata);
    }
}
