package org.socialmedia.cqrs.domain;

import java.util.UUID;

/** The caller stated which version it decided on (If-Match), and the aggregate is at another one. */
public class StaleVersionException extends DomainException {

    private final long currentVersion;

    public StaleVersionException(UUID aggregateId, long expectedVersion, long currentVersion) {
        super("aggregate " + aggregateId + " is at version " + currentVersion + ", not " + expectedVersion);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
