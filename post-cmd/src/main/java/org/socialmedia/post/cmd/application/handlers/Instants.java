package org.socialmedia.post.cmd.application.handlers;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Event timestamps carry milliseconds, the precision of the wire format and of MongoDB dates. */
public final class Instants {

    private Instants() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
