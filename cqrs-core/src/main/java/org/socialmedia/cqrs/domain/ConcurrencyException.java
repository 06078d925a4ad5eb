package org.socialmedia.cqrs.domain;

import java.util.UUID;

/**
 * Another writer stored an event at the version this writer expected to take. Nothing of this
 * writer's append was stored; deciding again on the fresh state is safe.
 */
public class ConcurrencyException extends DomainException {

    private final UUID aggregateId;
    private final long expectedVersion;

    public ConcurrencyException(UUID aggregateId, long expectedVersion) {
        super("aggregate " + aggregateId + " moved past version " + expectedVersion);
        this.aggregateId = aggregateId;
        this.expectedVersion = expectedVersion;
    }

    public UUID aggregateId() {
        return aggregateId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
