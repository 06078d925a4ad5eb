package org.socialmedia.post.query.stream;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The stream in numbers: how many are open, the changes written to clients, the changes that
 * were not (a client fell behind or went away with changes still queued), and the refetches
 * asked for, by reason.
 */
class StreamMetrics {

    private final MeterRegistry registry;
    private final Counter sent;
    private final Counter dropped;
    private final Map<RefetchReason, Counter> refetches = new EnumMap<>(RefetchReason.class);

    StreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        sent = Counter.builder("post.stream.events.sent")
                .description("Changes written to live stream clients")
                .register(registry);
        dropped = Counter.builder("post.stream.events.dropped")
                .description("Changes not written to a client that fell behind or went away; it was told to refetch")
                .register(registry);
        for (RefetchReason reason : RefetchReason.values()) {
            refetches.put(reason, Counter.builder("post.stream.refetches")
                    .description("Clients told to refetch because they may have missed changes")
                    .tag("reason", reason.code())
                    .register(registry));
        }
    }

    void countSubscribers(Supplier<Number> subscribers) {
        Gauge.builder("post.stream.subscribers", subscribers)
                .description("Live streams open on this instance")
                .register(registry);
    }

    void countListening(Supplier<Boolean> listening) {
        Gauge.builder("post.stream.listening", () -> listening.get() ? 1 : 0)
                .description("1 while this instance listens for the projection's changes; 0 while it tries to again")
                .register(registry);
    }

    void sent() {
        sent.increment();
    }

    void dropped(int changes) {
        if (changes > 0) {
            dropped.increment(changes);
        }
    }

    void refetch(RefetchReason reason) {
        refetches.get(reason).increment();
    }
}
