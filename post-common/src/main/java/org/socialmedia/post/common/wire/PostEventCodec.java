package org.socialmedia.post.common.wire;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.event.PostEvent;
import org.socialmedia.post.common.event.PostEventType;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns recorded post events into the JSON envelope of the wire contract and back:
 *
 * <pre>{"eventId", "type", "aggregateId", "aggregateType", "version", "occurredAt", "metadata", "data"}</pre>
 *
 * Readers ignore fields they do not know, so events can grow without breaking older consumers.
 * The codec owns its mapper: the wire format must not change when an application tunes its own
 * JSON settings.
 */
public final class PostEventCodec {

    private static final TypeReference<Map<String, Object>> DATA_MAP = new TypeReference<>() {
    };

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private record Envelope(@Nullable UUID eventId, @Nullable String type, @Nullable UUID aggregateId,
                            @Nullable String aggregateType, long version, @Nullable Instant occurredAt,
                            @Nullable Map<String, String> metadata, @Nullable JsonNode data) {
    }

    public String encode(RecordedEvent recorded) {
        PostEvent event = (PostEvent) recorded.event();
        Envelope envelope = new Envelope(recorded.eventId(), PostEventType.of(event).wireName(), recorded.aggregateId(),
                recorded.aggregateType(), recorded.version(), recorded.occurredAt(), recorded.metadata(),
                mapper.valueToTree(event));
        return mapper.writeValueAsString(envelope);
    }

    /** @throws MalformedEventException if the text is not a well-formed post event envelope */
    public RecordedEvent decode(String json) {
        Envelope envelope;
        try {
            envelope = mapper.readValue(json, Envelope.class);
        } catch (JacksonException e) {
            throw new MalformedEventException("not an event envelope: " + e.getOriginalMessage(), e);
        }
        if (envelope == null) {
            throw new MalformedEventException("empty record");
        }
        PostEvent event = eventOf(required(envelope.type(), "type"), required(envelope.data(), "data"));
        try {
            return new RecordedEvent(required(envelope.eventId(), "eventId"), required(envelope.aggregateId(), "aggregateId"),
                    required(envelope.aggregateType(), "aggregateType"), envelope.version(),
                    required(envelope.occurredAt(), "occurredAt"),
                    envelope.metadata() == null ? Map.of() : envelope.metadata(), event);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    /** The event's fields as a plain map, the {@code data} part of the envelope. */
    public Map<String, Object> dataOf(PostEvent event) {
        return mapper.convertValue(event, DATA_MAP);
    }

    /** Reads the {@code data} part of an envelope as the event its type names. */
    public PostEvent eventOf(String type, Object data) {
        Class<? extends PostEvent> eventClass = PostEventType.byWireName(type)
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + type + "'"))
                .eventClass();
        try {
            JsonNode tree = data instanceof JsonNode node ? node : mapper.valueToTree(data);
            return mapper.treeToValue(tree, eventClass);
        } catch (JacksonException e) {
            throw new MalformedEventException("data does not fit " + type + ": " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new MalformedEventException("missing '" + field + "'");
        }
        return value;
    }
}
