package org.socialmedia.post.query.projection;

import java.util.Optional;

import org.socialmedia.post.common.wire.MalformedEventException;

/**
 * Tells poison from trouble. A record that cannot become an event will never do so, however
 * often it is retried: it is poison and goes to the dead-letter topic. Every other failure
 * (PostgreSQL down, a lost connection, a deadlock) says nothing about the record, so it is
 * retried for as long as it lasts and never skipped.
 */
public final class PoisonRecords {

    /** Header of a dead-lettered record that says, in words, why it was refused. */
    public static final String REASON_HEADER = "dlt-reason";

    private PoisonRecords() {
    }

    public static boolean isPoison(Throwable failure) {
        return poisonCause(failure).isPresent();
    }

    public static String reason(Throwable failure) {
        return poisonCause(failure).map(Throwable::getMessage)
                .orElseGet(() -> String.valueOf(failure.getMessage()));
    }

    private static Optional<MalformedEventException> poisonCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException malformed) {
                return Optional.of(malformed);
            }
        }
        return Optional.empty();
    }
}
