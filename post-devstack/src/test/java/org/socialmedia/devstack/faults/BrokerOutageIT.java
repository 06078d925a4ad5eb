package org.socialmedia.devstack.faults;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guarantee 3, accepted means published even when Kafka is down: the broker stops for twelve
 * seconds under steady command load. Every command still answers 2xx, and once the broker is
 * back the read model converges to the event store.
 */
class BrokerOutageIT {

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
    void commandsAreAcceptedWhileTheBrokerIsDownAndReachTheReadModelAfterwards() throws InterruptedException {
        CommandLoad load = new CommandLoad(List.of(faults.commands()), 5, 0.2).start(4);
        Thread.sleep(2_000);
        long sentBeforeOutage = load.sent();
        faults.stack().stopKafka();
        // Longer than post-cmd's producer waits for a broker (delivery.timeout.ms 10 s): the sends
        // fail, and the events must be found in the store and published once the broker is back.
        Thread.sleep(12_000);
        long sentDuringOutage = load.sent() - sentBeforeOutage;
        long unpublishedDuringOutage = faults.unpublishedInStore();
        faults.stack().startKafka();
        Thread.sleep(2_000);
        load.stop();

        assertThat(load.refused()).as("answers that were not 2xx").isEmpty();
        assertThat(sentDuringOutage).as("commands sent while the broker was down").isGreaterThan(20);
        assertThat(unpublishedDuringOutage).as("events waiting for the broker during the outage").isGreaterThan(0);
        Duration converged = faults.awaitConvergence();

        faults.report("broker outage", load.summary() + " (" + sentDuringOutage + " while the broker was down, "
                + unpublishedDuringOutage + " events waiting for it); " + faults.storedEvents() + " events stored, "
                + faults.appliedEvents() + " applied; converged " + converged.toMillis() + " ms after the load stopped");
    }
}
