package org.socialmedia.post.query.projection.monitor;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether this instance's projection moves: DOWN while a partition it is assigned has records
 * waiting at a committed offset that has not moved for longer than the stall timeout, so that a
 * read side serving ever older answers is taken out of service and seen. UNKNOWN (which leaves
 * readiness as the other indicators say) while Kafka cannot be asked.
 */
final class ProjectionHealthIndicator implements HealthIndicator {

    private final ProjectionProgressMonitor monitor;

    ProjectionHealthIndicator(ProjectionProgressMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public Health health() {
        ProjectionProgress progress = monitor.progress();
        if (!progress.known()) {
            return Health.unknown()
                    .withDetail("reason", String.valueOf(progress.unknownBecause()))
                    .withDetail("observedAt", progress.observedAt().toString())
                    .build();
        }
        List<PartitionProgress> stalled = progress.stalled();
        return (stalled.isEmpty() ? Health.up() : Health.down())
                .withDetail("recordsWaiting", progress.recordsWaiting())
                .withDetail("oldestUnappliedAge", progress.oldestUnappliedAge().map(Duration::toString).orElse("unknown"))
                .withDetail("partitions", progress.partitions().stream().map(partition -> partition.partition().toString()).toList())
                .withDetail("stalledPartitions", stalled.stream().map(ProjectionHealthIndicator::describe).toList())
                .withDetail("observedAt", progress.observedAt().toString())
                .build();
    }

    private static Map<String, Object> describe(PartitionProgress partition) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("partition", partition.partition().toString());
        details.put("committedOffset", partition.committedOffset());
        details.put("recordsWaiting", partition.recordsWaiting());
        details.put("stalledSince", String.valueOf(partition.waitingSince()));
        return details;
    }
}
