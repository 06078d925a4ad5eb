package org.socialmedia.devstack.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.api.LookupApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guarantees 1 and 3 across instances: two post-cmd instances on the same event store and topic
 * take commands for the same posts at the same time, spread over a few posts and all on one hot
 * post, where each instance commits groups that race the other's. No accepted like is lost, every
 * post's versions are gapless, and on the topic each post's versions are first delivered in order
 * 1..n (a version may be delivered again later: delivery is at least once).
 */
class TwoCommandInstancesIT {

    /** Commands accepted by the two instances together: enough for them to race on every post. */
    private static final int COMMANDS = 1000;

    private FaultStack faults;

    @BeforeEach
    void startStack() {
        faults = FaultStack.start("two-command-instances");
    }

    @AfterEach
    void stopStack() {
        faults.close();
    }

    @Test
    void twoInstancesLoseNoUpdateAndKeepEachPostInOrderOnTheTopic() {
        raceOn(10, 8, "two command instances");
    }

    @Test
    void twoInstancesOnOneHotPostLoseNoUpdateAndKeepItInOrderOnTheTopic() {
        raceOn(1, 64, "two command instances, one hot post");
    }

    private void raceOn(int posts, int clients, String name) {
        CommandApi second = faults.commands(faults.stack().startExtraCommandService());
        CommandLoad load = new CommandLoad(List.of(faults.commands(), second), posts, 0).start(clients)
                .awaitMoreAccepted(COMMANDS).stop();

        // Without If-Match, a command that keeps losing races is refused with 409 and stores nothing.
        assertThat(load.refused()).as("answers other than 2xx and 409").allMatch(answer -> answer.contains(" -> 409 "));
        Duration converged = faults.awaitConvergence();
        Map<UUID, List<Long>> stored = faults.storedVersionsByPost();
        LookupApi lookups = faults.lookups();
        for (UUID post : load.posts()) {
            List<Long> versions = stored.get(post);
            assertThat(versions).as("versions of post %s in the store", post).isEqualTo(oneTo(versions.size()));
            assertThat(lookups.post(post).json().get("likes").asLong()).as("likes of post %s", post)
                    .isEqualTo(load.acceptedLikes(post));
        }
        Map<UUID, List<Long>> firstDeliveries = faults.firstDeliveriesByPost();
        for (Map.Entry<UUID, List<Long>> post : stored.entrySet()) {
            assertThat(firstDeliveries.get(post.getKey())).as("versions of post %s in order of first delivery", post.getKey())
                    .isEqualTo(post.getValue());
        }

        faults.report(name, load.summary() + " (409: " + load.refused().size() + "); "
                + faults.storedEvents() + " events stored, " + faults.appliedEvents() + " applied, "
                + firstDeliveries.values().stream().mapToInt(List::size).sum() + " first deliveries on the topic in order; converged "
                + converged.toMillis() + " ms after the load stopped");
    }

    private static List<Long> oneTo(int n) {
        List<Long> versions = new ArrayList<>(n);
        for (long v = 1; v <= n; v++) {
            versions.add(v);
        }
        return versions;
    }
}
