package org.socialmedia.post.cmd.eventstore;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.event.PostEventType;
import org.socialmedia.post.common.wire.PostEventCodec;

/**
 * One event, one document, with the envelope's fields ({@code data} as a sub-document) plus
 * {@code published}, which makes the event store its own outbox. The document's {@code _id} is
 * the event id: the primary key then also keeps event ids unique, with no index of their own to
 * maintain on every append.
 */
final class EventDocuments {

    static final String ID = "_id";
    static final String EVENT_ID = "eventId";
    static final String TYPE = "type";
    static final String AGGREGATE_ID = "aggregateId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String VERSION = "version";
    static final String OCCURRED_AT = "occurredAt";
    static final String METADATA = "metadata";
    static final String DATA = "data";
    static final String PUBLISHED = "published";

    private final PostEventCodec codec;

    EventDocuments(PostEventCodec codec) {
        this.codec = codec;
    }

    Document toDocument(RecordedEvent recorded) {
        PostEvent event = (PostEvent) recorded.event();
        String eventId = recorded.eventId().toString();
        return new Document(ID, eventId)
                .append(EVENT_ID, eventId)
                .append(TYPE, PostEventType.of(event).wireName())
                .append(AGGREGATE_ID, recorded.aggregateId().toString())
                .append(AGGREGATE_TYPE, recorded.aggregateType())
                .append(VERSION, recorded.version())
                .append(OCCURRED_AT, Date.from(recorded.occurredAt()))
                .append(METADATA, new Document(Map.copyOf(recorded.metadata())))
                .append(DATA, new Document(codec.dataOf(event)))
                .append(PUBLISHED, false);
    }

    /**
     * @throws UnreadableEventException if the document is not an event this version can read;
     *                                  reading does no I/O, so any failure here is the document's
     */
    RecordedEvent fromDocument(Document document) {
        try {
            return read(document);
        } catch (RuntimeException e) {
            throw new UnreadableEventException(document.get(ID), e);
        }
    }

    private RecordedEvent read(Document document) {
        Document metadata = document.get(METADATA, Document.class);
        Map<String, String> metadataMap = new HashMap<>();
        if (metadata != null) {
            metadata.forEach((key, value) -> metadataMap.put(key, String.valueOf(value)));
        }
        return new RecordedEvent(
                UUID.fromString(document.getString(EVENT_ID)),
                UUID.fromString(document.getString(AGGREGATE_ID)),
                document.getString(AGGREGATE_TYPE),
                ((Number) document.get(VERSION)).longValue(),
                document.getDate(OCCURRED_AT).toInstant(),
                metadataMap,
                codec.eventOf(document.getString(TYPE), document.get(DATA, Document.class)));
    }
}
