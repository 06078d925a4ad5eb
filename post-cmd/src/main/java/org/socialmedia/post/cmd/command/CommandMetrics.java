package org.socialmedia.post.cmd.command;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters for the command side: commands handled by type and outcome, and conflicts retried. */
class CommandMetrics {

    private final MeterRegistry registry;
    private final Counter conflictsRetried;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.conflictsRetried = Counter.builder("post.commands.conflicts.retried")
                .description("Commands decided again after losing an optimistic-concurrency race")
                .register(registry);
    }

    void handled(String command, String outcome) {
        registry.counter("post.commands.handled", "command", command, "outcome", outcome).increment();
    }

    void conflictRetried() {
        conflictsRetried.increment();
    }
}
