package org.socialmedia.post.cmd.publication;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Events published, failed publication runs, events in flight, and events still waiting in the outbox. */
class PublicationMetrics {

    private final Counter published;
    private final Counter sendFailures;
    private final AtomicInteger inFlight = new AtomicInteger();

    PublicationMetrics(MeterRegistry registry, Outbox outbox) {
        this.published = Counter.builder("post.events.published")
                .description("Events acknowledged by the broker and marked published")
                .register(registry);
        this.sendFailures = Counter.builder("post.events.publication.failures")
                .description("Times the broker did not acknowledge every event sent")
                .register(registry);
        Gauge.builder("post.events.publication.in.flight", inFlight, AtomicInteger::get)
                .description("Events sent to the broker and not answered yet (at most app.publication.max-in-flight)")
                .register(registry);
        Gauge.builder("post.events.unpublished", outbox, Outbox::countUnpublished)
                .description("Stored events waiting to be published")
                .register(registry);
    }

    void published(int count) {
        published.increment(count);
    }

    void sendFailed() {
        sendFailures.increment();
    }

    void inFlight(int events) {
        inFlight.set(events);
    }
}
