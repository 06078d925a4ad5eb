package org.socialmedia.post.query.projection;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.socialmedia.post.common.event.PostEventType;

/**
 * The projection's health in numbers: events applied (per type), duplicates skipped, events
 * parked behind a gap, failed deliveries (a rising count while nothing is applied means an
 * outage) and records dead-lettered. The lag and the events still parked are measured beside
 * the projection, by {@code projection.monitor}, so that they stay true while it hangs.
 */
class ProjectionMetrics {

    private final Map<PostEventType, Counter> applied = new EnumMap<>(PostEventType.class);
    private final Counter duplicates;
    private final Counter parked;
    private final Counter deadLettered;
    private final Counter failedDeliveries;

    ProjectionMetrics(MeterRegistry registry) {
        for (PostEventType type : PostEventType.values()) {
            applied.put(type, Counter.builder("post.projection.events.applied")
                    .description("Events applied to the read model")
                    .tag("type", type.wireName())
                    .register(registry));
        }
        duplicates = Counter.builder("post.projection.events.duplicates")
                .description("Events skipped because their version was already applied")
                .register(registry);
        parked = Counter.builder("post.projection.events.parked")
                .description("Events parked because their predecessor had not been applied")
                .register(registry);
        deadLettered = Counter.builder("post.projection.events.dead.lettered")
                .description("Records sent to the dead-letter topic")
                .register(registry);
        failedDeliveries = Counter.builder("post.projection.failures")
                .description("Failed deliveries of a record, each followed by a retry or by dead-lettering")
                .register(registry);
    }

    /** Call only after the transaction that produced the outcome has committed. */
    void committed(ProjectionOutcome outcome) {
        outcome.applied().forEach((type, count) -> applied.get(type).increment(count));
        duplicates.increment(outcome.duplicates());
        parked.increment(outcome.parked());
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void failedDelivery() {
        failedDeliveries.increment();
    }
}
