package org.socialmedia.post.cmd.command;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/** Meters of the command side: commands handled by type and outcome, conflicts retried, and group sizes. */
class CommandMetrics {

    private final MeterRegistry registry;
    private final Counter conflictsRetried;
    private final DistributionSummary groupSize;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.conflictsRetried = Counter.builder("post.commands.conflicts.retried")
                .description("Commands decided again after losing an optimistic-concurrency race")
                .register(registry);
        this.groupSize = DistributionSummary.builder("post.commands.group.size")
                .description("Commands on one post decided together and stored with one write")
                .register(registry);
    }

    void handled(String command, String outcome) {
        registry.counter("post.commands.handled", "command", command, "outcome", outcome).increment();
    }

    void conflictsRetried(int commands) {
        conflictsRetried.increment(commands);
    }

    void grouped(int commands) {
        groupSize.record(commands);
    }
}
