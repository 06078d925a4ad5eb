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
    void theProjectionWaitsForTheDatabaseAndLosesNothing() throws InterruptedException {
        CommandLoad load = new CommandLoad(List.of(faults.commands()), 5, 0.2).start(4);
        Thread.sleep(2_000);
        faults.stack().stopPostgres();
        // Down for longer than a poison record is retried: were the outage taken for poison,
        // the batch would be on the dead-letter topic before PostgreSQL came back.
        await("post-query retrying while PostgreSQL is down").atMost(Duration.ofSeconds(90))
                .until(() -> Metrics.value(faults.lookups(), "post_projection_failures_total") > POISON_ATTEMPTS);
        long storedDuringOutage = faults.storedEvents();
        faults.stack().startPostgres();
        Thread.sleep(2_000);
        load.stop();

        assertThat(load.refused()).as("answers that were not 2xx").isEmpty();
        Duration converged = faults.awaitConvergence();
        double failedDeliveries = Metrics.value(faults.lookups(), "post_projection_failures_total");
        assertThat(Metrics.value(faults.lookups(), "post_projection_events_dead_lettered_total")).as("records dead-lettered").isZero();
        assertThat(TopicRecords.all(faults.stack().kafkaBootstrapServers(), FaultStack.DEAD_LETTER_TOPIC))
                .as("records on the dead-letter topic").isEmpty();

        faults.report("database outage", load.summary() + "; " + storedDuringOutage + " events stored by the end of the outage, "
                + (long) failedDeliveries + " failed deliveries retried, none dead-lettered; " + faults.storedEvents()
                + " events stored, " + faults.appliedEvents() + " applied; converged " + converged.toMillis()
                + " ms after the load stopped");
    }
}
