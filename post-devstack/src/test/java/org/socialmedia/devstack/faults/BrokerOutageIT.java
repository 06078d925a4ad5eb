package org.socialmedia.devstack.faults;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantee 3, accepted means published even when Kafka is down: the broker stops under steady
 * command load and stays down until post-cmd's sends to it have failed. Every command still
 * answers 2xx, and once the broker is back the read model converges to the event store.
 */
class BrokerOutageIT {

    /** Commands accepted in each phase: enough to be a load, and only counted, never timed. */
    private static final int COMMANDS_PER_PHASE = 20;

    private FaultStack faults;

    @BeforeEach
    void startStack() {
        faults = FaultStack.start("broker-outage");
    }

    @AfterEach
    void stopStack() {
        faults.close();
    }

    @Test
    void commandsAreAcceptedWhileTheBrokerIsDownAndReachTheReadModelAfterwards() {
        CommandLoad load = new CommandLoad(List.of(faults.commands()), 5, 0.2).start(4).awaitMoreAccepted(COMMANDS_PER_PHASE);
        faults.stack().stopKafka();
        long acceptedBeforeOutage = load.accepted();
        // Down until sends have failed (the producer gives up after its delivery timeout): those
        // events must be found in the store and published once the broker is back.
        await("post-cmd's sends failing while the broker is down").atMost(Duration.ofMinutes(2))
                .until(() -> faults.publicationFailures() > 0);
        load.awaitMoreAccepted(COMMANDS_PER_PHASE);
        long acceptedDuringOutage = load.accepted() - acceptedBeforeOutage;
        long unpublishedDuringOutage = faults.unpublishedInStore();
        faults.stack().startKafka();
        load.awaitMoreAccepted(COMMANDS_PER_PHASE).stop();

        assertThat(load.refused()).as("answers that were not 2xx").isEmpty();
        assertThat(unpublishedDuringOutage).as("events waiting for the broker during the outage").isPositive();
        Duration converged = faults.awaitConvergence();

        faults.report("broker outage", load.summary() + " (" + acceptedDuringOutage + " accepted while the broker was down, "
                + unpublishedDuringOutage + " events waiting for it); " + faults.storedEvents() + " events stored, "
                + faults.appliedEvents() + " applied; converged " + converged.toMillis() + " ms after the load stopped");
    }
}
