package org.socialmedia.post.query.projection;

import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * What the listener throws to stop a batch at a record: the error handler commits the offsets
 * before that record, then retries from it, and dead-letters it if it is poison.
 *
 * <p>Two types, not one: Spring Kafka keeps a record's retry state, and so its back-off, for as
 * long as the type of its failure stays the same. A record first held up by an outage and then
 * refused by the database once it is back must leave the endless outage back-off for the bounded
 * poison one, or it would be retried for ever; and the reverse, or an outage would dead-letter it.
 */
final class BatchStop {

    private BatchStop() {
    }

    /** @param index the record to resume from; every record before it is applied */
    static BatchListenerFailedException at(int index, RuntimeException cause) {
        return PoisonRecords.isPoison(cause)
                ? new PoisonRecord("poison record: " + PoisonRecords.reason(cause), cause, index)
                : new Outage("projection failed: " + cause.getMessage(), cause, index);
    }

    /** The record at the index can never be applied. */
    static final class PoisonRecord extends BatchListenerFailedException {

        PoisonRecord(String message, Throwable cause, int index) {
            super(message, cause, index);
        }
    }

    /** The records from the index on could not be applied, for a reason that is not theirs. */
    static final class Outage extends BatchListenerFailedException {

        Outage(String message, Throwable cause, int index) {
            super(message, cause, index);
        }
    }
}
