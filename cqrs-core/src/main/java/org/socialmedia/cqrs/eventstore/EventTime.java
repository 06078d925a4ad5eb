package org.socialmedia.cqrs.eventstore;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time an event carries, in its envelope and in its data: milliseconds, the precision that
 * the wire format and MongoDB dates keep, so that an event read back equals the one published.
 */
public final class EventTime {

    private EventTime() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
