package org.socialmedia.post.cmd.publication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Events published, failed publication rounds, and events still waiting in the outbox. */
class PublicationMetrics {

    private final Counter published;
    private final Counter sendFailures;

    PublicationMetrics(MeterRegistry registry, Outbox outbox) {
        this.published = Counter.builder("post.events.published")
                .description("Events acknowledged by the broker and marked published")
                .register(registry);
        this.sendFailures = Counter.builder("post.events.publication.failures")
                .description("Publication rounds in which the broker did not acknowledge every event")
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
}
