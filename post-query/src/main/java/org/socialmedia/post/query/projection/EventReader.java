package org.socialmedia.post.query.projection;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.event.PostEventType;
import org.socialmedia.post.common.wire.MalformedEventException;
import org.socialmedia.post.common.wire.PostEventCodec;

/**
 * Turns a Kafka record into a post event, or says why it is poison. Only checks that need no
 * stored state are made here, so a poison record is known before any database work starts.
 */
class EventReader {

    private final PostEventCodec codec;

    EventReader(PostEventCodec codec) {
        this.codec = codec;
    }

    /** @throws MalformedEventException if the record is not a well-formed post event */
    RecordedEvent read(ConsumerRecord<String, String> record) {
        String value = record.value();
        if (value == null) {
            throw new MalformedEventException("record has no value");
        }
        RecordedEvent recorded = codec.decode(value);
        if (!PostEventType.AGGREGATE_TYPE.equals(recorded.aggregateType())) {
            throw new MalformedEventException("not a post event: aggregateType '" + recorded.aggregateType() + "'");
        }
        boolean creation = recorded.event() instanceof PostEvent.PostCreated;
        if (creation != (recorded.version() == 1)) {
            throw new MalformedEventException("a post starts with PostCreated at version 1, got "
                    + PostEventType.of((PostEvent) recorded.event()).wireName() + " at version " + recorded.version());
        }
        return recorded;
    }
}
