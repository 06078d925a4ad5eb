package org.socialmedia.post.query.stream;

import java.io.IOException;
import java.util.UUID;

import org.socialmedia.post.query.readmodel.AnnouncedChange;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Writes a subscriber's messages as server-sent events. */
final class SseSink implements StreamSink {

    /** The {@code data} of a {@code change} event. */
    record ChangeData(UUID id, long version, String author, boolean removed) {
    }

    /** The {@code data} of a {@code refetch} event. */
    record RefetchData(String reason) {
    }

    private final SseEmitter emitter;

    SseSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void send(StreamMessage message) throws IOException {
        emitter.send(event(message));
    }

    private static SseEmitter.SseEventBuilder event(StreamMessage message) {
        if (message instanceof StreamMessage.Change change) {
            AnnouncedChange announced = change.change();
            return SseEmitter.event()
                    .id(Long.toString(announced.sequence()))
                    .name("change")
                    .data(new ChangeData(announced.id(), announced.version(), announced.author(), announced.removed()),
                            MediaType.APPLICATION_JSON);
        }
        if (message instanceof StreamMessage.Refetch refetch) {
            return SseEmitter.event().name("refetch").data(new RefetchData(refetch.reason()), MediaType.APPLICATION_JSON);
        }
        if (message instanceof StreamMessage.Retry retry) {
            return SseEmitter.event().reconnectTime(retry.delay().toMillis());
        }
        return SseEmitter.event().comment(" heartbeat");
    }

    /**
     * Completes the response, unless it is over already: after a failed write the container has
     * ended the request (or is about to, on its own thread), and Tomcat then refuses any use of it
     * from another thread. Either way the stream is closed, which is all that is asked.
     */
    @Override
    public void close() {
        try {
            emitter.complete();
        } catch (IllegalStateException requestAlreadyOver) {
            // nothing left to complete
        }
    }
}
