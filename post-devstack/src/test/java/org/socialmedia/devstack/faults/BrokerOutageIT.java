package org.socialmedia.devstack.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantee 3, accepted means published even when Kafka is down: the broker stops under steady
 * command load and stays down until post-cmd's sends to it have failed. Every command still
 * answers 2xx, and once the broker is back the read model converges to the event store.
 *
 * <p>Part of the load is on a few hot posts, whose events post-cmd sends in runs with batches in
 * flight when the broker goes: on the topic, every post's versions must still come in order of
 * first delivery (at least once, so a version may come again, but never before its predecessor).
 */
class BrokerOutageIT {

    /** Commands accepted in each phase: enough to be a load, and only counted, never timed. */
    private static final int COMMANDS_PER_PHASE = 20;
    private static final int HOT_POSTS = 2;

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
        CommandLoad hot = new CommandLoad(List.of(faults.commands()), HOT_POSTS, 0).start(4).awaitMoreAccepted(COMMANDS_PER_PHASE);
        faults.stack().stopKafka();
        long acceptedBeforeOutage = load.accepted();
        // Down until sends have failed (the producer gives up after its delivery timeout): those
        // events must be found in the store and published once the broker is back.
        await("post-cmd's sends failing while the broker is down").atMost(Duration.ofMinutes(2))
                .until(() -> faults.publicationFailures() > 0);
        load.awaitMoreAccepted(COMMANDS_PER_PHASE);
        hot.awaitMoreAccepted(COMMANDS_PER_PHASE);
        long acceptedDuringOutage = load.accepted() - acceptedBeforeOutage;
        long unpublishedDuringOutage = faults.unpublishedInStore();
        faults.stack().startKafka();
        load.awaitMoreAccepted(COMMANDS_PER_PHASE);
        hot.awaitMoreAccepted(COMMANDS_PER_PHASE).stop();
        load.stop();

        assertThat(load.refused()).as("answers that were not 2xx").isEmpty();
        assertThat(hot.refused()).as("answers on the hot posts that were not 2xx").isEmpty();
        assertThat(unpublishedDuringOutage).as("events waiting for the broker during the outage").isPositive();
        Duration converged = faults.awaitConvergence();
        Map<UUID, List<Long>> stored = faults.storedVersionsByPost();
        Map<UUID, List<Long>> firstDeliveries = faults.firstDeliveriesByPost();
        for (Map.Entry<UUID, List<Long>> post : stored.entrySet()) {
            assertThat(firstDeliveries.get(post.getKey())).as("versions of post %s in order of first delivery", post.getKey())
                    .isEqualTo(post.getValue());
        }
        long hotEvents = hot.posts().stream().mapToLong(post -> stored.get(post).size()).sum();

        faults.report("broker outage", load.summary() + " (" + acceptedDuringOutage + " accepted while the broker was down, "
                + unpublishedDuringOutage + " events waiting for it); on " + HOT_POSTS + " hot posts " + hot.summary() + "; "
                + faults.storedEvents() + " events stored (" + hotEvents + " on the hot posts), " + faults.appliedEvents()
                + " applied, every post's versions in order of first delivery on the topic; converged " + converged.toMillis()
                + " ms after the load stopped");
    }
}
