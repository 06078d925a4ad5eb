package org.socialmedia.devstack.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantee 4, applied once and in order: post-query is killed (no graceful shutdown) in the
 * middle of the stream and started again. The events it applied but had not committed the
 * offsets of are delivered again; none may be applied twice (likes exact), none skipped.
 *
 * <p>Its consumer commits offsets lazily here ({@code ack-mode TIME}, once a minute, which is
 * still only after the database transaction), so the kill always leaves applied but uncommitted
 * events behind: the redelivery this test is about is certain, not a matter of timing. A short
 * session timeout lets the group hand the partitions to the restarted consumer sooner.
 */
class QueryServiceCrashIT {

    /** Events applied before the kill: a stream well under way, whose offsets are not committed yet. */
    private static final int APPLIED_BEFORE_CRASH = 100;
    private static final int COMMANDS_WHILE_DOWN = 20;

    private FaultStack faults;

    @BeforeEach
    void startStack() {
        faults = FaultStack.start("query-service-crash", Map.of(
                "SPRING_KAFKA_LISTENER_ACKMODE", "TIME",
                "SPRING_KAFKA_LISTENER_ACKTIME", "60s",
                // The group waits for the killed consumer's session to expire before the new one gets its partitions.
                "SPRING_KAFKA_CONSUMER_PROPERTIES_SESSION_TIMEOUT_MS", "6000"));
    }

    @AfterEach
    void stopStack() {
        faults.close();
    }

    @Test
    void eventsAreAppliedExactlyOnceAcrossACrash() {
        CommandLoad load = new CommandLoad(List.of(faults.commands()), 5, 0.2).start(4);
        await("events applied before the crash").atMost(Duration.ofMinutes(2))
                .until(() -> faults.appliedEvents() >= APPLIED_BEFORE_CRASH);
        long appliedBeforeCrash = faults.appliedEvents();
        faults.stack().killQueryService();
        load.awaitMoreAccepted(COMMANDS_WHILE_DOWN).stop();
        faults.stack().startQueryService();

        assertThat(load.refused()).as("answers that were not 2xx").isEmpty();
        Duration converged = faults.awaitConvergence();
        double redelivered = faults.duplicatesSkipped();
        assertThat(redelivered).as("events delivered again after the crash, and skipped").isPositive();

        faults.report("query service crash", load.summary() + "; " + appliedBeforeCrash + " events applied before the kill, "
                + (long) redelivered + " delivered again and skipped after it; " + faults.storedEvents() + " events stored, "
                + faults.appliedEvents() + " applied; converged " + converged.toMillis() + " ms after the restart");
    }
}
