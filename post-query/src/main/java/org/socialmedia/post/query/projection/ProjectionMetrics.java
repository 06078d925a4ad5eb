package org.socialmedia.post.query.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

import org.socialmedia.post.common.event.PostEventType;
import org.springframework.stereotype.Component;

/**
 * The projection's health in numbers: events applied (per type), duplicates skipped, events
 * parked behind a gap (a count that stays above zero means a gap is not being filled),
 * failed deliveries (a rising count while nothing is applied means an outage), records
 * dead-lettered, and the projection lag.
 */
@Component
public class ProjectionMetrics {

    private final Map<PostEventType, Counter> applied = new EnumMap<>(PostEventType.class);
    private final Counter duplicates;
    private final Counter parked;
    private final Counter deadLettered;
    private final Counter failedDeliveries;
    private final AtomicLong lagMillis = new AtomicLong();

    ProjectionMetrics(MeterRegistry registry, ReadModelWriter writer) {
        for (PostEventType type : PostEventType.values()) {
            applied.put(type, Counter.builder("post.query.events.applied")
                    .description("Events applied to the read model")
                    .tag("type", type.wireName())
                    .register(registry));
        }
        duplicates = Counter.builder("post.query.events.duplicates")
                .description("Events skipped because their version was already applied")
                .register(registry);
        parked = Counter.builder("post.query.events.parked")
                .description("Events parked because their predecessor had not been applied")
                .register(registry);
        deadLettered = Counter.builder("post.query.events.dead.lettered")
                .description("Records sent to the dead-letter topic")
                .register(registry);
        failedDeliveries = Counter.builder("post.query.projection.failures")
                .description("Failed deliveries of a record, each followed by a retry or by dead-lettering")
                .register(registry);
        Gauge.builder("post.query.events.parked.waiting", writer, ProjectionMetrics::parkedOrNaN)
                .description("Parked events still waiting for their predecessor")
                .register(registry);
        TimeGauge.builder("post.query.projection.lag", lagMillis, TimeUnit.MILLISECONDS, AtomicLong::doubleValue)
                .description("Age of the last applied event when its transaction committed")
                .register(registry);
    }

    /** Call only after the transaction that produced the outcome has committed. */
    void committed(ProjectionOutcome outcome) {
        outcome.applied().forEach((type, count) -> applied.get(type).increment(count));
        duplicates.increment(outcome.duplicates());
        parked.increment(outcome.parked());
        if (outcome.lastAppliedAt() != null) {
            lagMillis.set(Math.max(0, Duration.between(outcome.lastAppliedAt(), Instant.now()).toMillis()));
        }
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    public void failedDelivery() {
        failedDeliveries.increment();
    }

    /** A scrape while PostgreSQL is down must still answer; the gauge is unknown then. */
    private static double parkedOrNaN(ReadModelWriter writer) {
        try {
            return writer.countParked();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
