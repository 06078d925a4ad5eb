package org.socialmedia.devstack.faults;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantee 5, second half: PostgreSQL stops under load and comes back. An outage is not
 * poison: the consumer pauses (retrying with back-off) and resumes; nothing is dead-lettered,
 * nothing lost.
 */
class DatabaseOutageIT {

    /** post-query's default {@code app.projection.poison-attempts}. */
    private static final int POISON_ATTEMPTS = 3;
    private static final int COMMANDS_BEFORE_OUTAGE = 20;

    private FaultStack faults;

    @BeforeEach
    void startStack() {
        faults = FaultStack.start("database-outage");
    }

    @AfterEach
    void stopStack() {
        faults.close();
    }

    @Test
    void theProjectionWaitsForTheDatabaseAndLosesNothing() {
        CommandLoad load = new CommandLoad(List.of(faults.commands()), 5, 0.2).start(4).awaitMoreAccepted(COMMANDS_BEFORE_OUTAGE);
        faults.stack().stopPostgres();
        // Down for longer than a poison record is retried: were the outage taken for poison,
        // the batch would be on the dead-letter topic before PostgreSQL came back.
        await("post-query retrying while PostgreSQL is down").atMost(Duration.ofSeconds(90))
                .until(() -> faults.projectionFailures() > POISON_ATTEMPTS);
        long storedDuringOutage = faults.storedEvents();
        faults.stack().startPostgres();
        await("every event stored during the outage applied after it").atMost(Duration.ofMinutes(2))
                .until(() -> faults.appliedEvents() >= storedDuringOutage);
        load.stop();

        assertThat(load.refused()).as("answers that were not 2xx").isEmpty();
        Duration converged = faults.awaitConvergence();
        double failedDeliveries = faults.projectionFailures();
        assertThat(faults.deadLettered()).as("records dead-lettered").isZero();
        assertThat(faults.deadLetterTopic().all()).as("records on the dead-letter topic").isEmpty();

        faults.report("database outage", load.summary() + "; " + storedDuringOutage + " events stored by the end of the outage, "
                + (long) failedDeliveries + " failed deliveries retried, none dead-lettered; " + faults.storedEvents()
                + " events stored, " + faults.appliedEvents() + " applied; converged " + converged.toMillis()
                + " ms after the load stopped");
    }
}
