package org.socialmedia.post.cmd.publication;

import java.util.concurrent.CompletableFuture;

import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.common.wire.PostEventCodec;
import org.springframework.kafka.core.KafkaTemplate;

/** Sends events to the topic as JSON envelopes, keyed by post id so that a post stays on one partition. */
class KafkaEventSender implements EventSender {

    private final KafkaTemplate<String, String> kafka;
    private final PostEventCodec codec;
    private final String topic;

    KafkaEventSender(KafkaTemplate<String, String> kafka, PostEventCodec codec, String topic) {
        this.kafka = kafka;
        this.codec = codec;
        this.topic = topic;
    }

    @Override
    public CompletableFuture<?> send(RecordedEvent event) {
        try {
            return kafka.send(topic, event.aggregateId().toString(), codec.encode(event));
        } catch (RuntimeException unavailable) {
            // Without a broker, send() can fail before returning a future (metadata timeout).
            return CompletableFuture.failedFuture(unavailable);
        }
    }
}
