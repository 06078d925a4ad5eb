package org.socialmedia.post.query.projection.monitor;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * The monitor's figures as gauges, for this instance's partitions. A scrape reads what the last
 * refresh saw and never waits for Kafka or the database; unknown figures are NaN.
 */
final class ProjectionMonitorMetrics {

    ProjectionMonitorMetrics(MeterRegistry registry, ProjectionProgressMonitor projection, ParkedEventsMonitor parked) {
        TimeGauge.builder("post.projection.lag", projection, TimeUnit.MILLISECONDS,
                        monitor -> known(monitor, progress -> progress.oldestUnappliedAge()
                                .map(age -> (double) age.toMillis()).orElse(Double.NaN)))
                .description("How long the oldest record not yet applied has waited, on this instance's partitions")
                .register(registry);
        Gauge.builder("post.projection.lag.records", projection,
                        monitor -> known(monitor, ProjectionProgress::recordsWaiting))
                .description("Records not yet applied on this instance's partitions (committed offset to end)")
                .register(registry);
        Gauge.builder("post.projection.stalled.partitions", projection,
                        monitor -> known(monitor, progress -> progress.stalled().size()))
                .description("Partitions of this instance whose records have waited at the same offset for longer than the stall timeout")
                .register(registry);
        Gauge.builder("post.projection.parked.waiting", parked, monitor -> monitor.parked().waiting())
                .description("Parked events still waiting for their predecessor")
                .register(registry);
        TimeGauge.builder("post.projection.parked.oldest.age", parked, TimeUnit.SECONDS,
                        monitor -> monitor.parked().oldestAgeSeconds())
                .description("How long the oldest parked event has waited for its predecessor")
                .register(registry);
    }

    private static double known(ProjectionProgressMonitor monitor, ToDoubleFunction<ProjectionProgress> figure) {
        ProjectionProgress progress = monitor.progress();
        return progress.known() ? figure.applyAsDouble(progress) : Double.NaN;
    }
}
