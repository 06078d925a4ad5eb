package org.socialmedia.devstack.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantees 2 and 3: post-cmd is killed between storing events and publishing them. The broker
 * is down while commands are accepted, so their events are stored but cannot be published; then
 * post-cmd is killed (no graceful shutdown) and the broker comes back. The restarted post-cmd
 * finds the unpublished events in the store and publishes them: the read model converges and
 * {@code post_events_unpublished} returns to 0.
 */
class CommandServiceCrashIT {

    private static final int POSTS = 20;
    private static final int LIKES_PER_POST = 10;

    private FaultStack faults;

    @BeforeEach
    void startStack() {
        faults = FaultStack.start("command-service-crash");
    }

    @AfterEach
    void stopStack() {
        faults.close();
    }

    @Test
    void eventsStoredBeforeTheCrashArePublishedAfterTheRestart() {
        CommandApi commands = faults.commands();
        long storedBefore = faults.storedEvents();
        faults.stack().stopKafka();
        List<Answer> answers = new ArrayList<>();
        for (int p = 0; p < POSTS; p++) {
            Answer created = commands.createPost("author-" + p, "written while the broker is down");
            answers.add(created);
            UUID post = created.id();
            for (int like = 0; like < LIKES_PER_POST; like++) {
                answers.add(commands.likePost(post, "fan-" + like));
            }
            answers.add(commands.addComment(post, "fan-0", "first!"));
        }
        long storedWhileDown = faults.storedEvents() - storedBefore;
        long unpublishedAtCrash = faults.unpublishedInStore();
        faults.stack().killCommandService();
        faults.stack().startKafka();
        faults.stack().startCommandService();

        assertThat(answers).as("answers while the broker was down").allMatch(Answer::successful);
        assertThat(storedWhileDown).as("events stored while the broker was down").isEqualTo(answers.size());
        assertThat(unpublishedAtCrash).as("events unpublished when post-cmd was killed").isGreaterThanOrEqualTo(storedWhileDown);
        Duration converged = faults.awaitConvergence();
        await("post_events_unpublished back to 0").atMost(Duration.ofSeconds(30))
                .until(() -> faults.unpublishedEventsMetric() == 0);

        faults.report("command service crash", answers.size() + " commands sent, all accepted while the broker was down; "
                + storedWhileDown + " events stored, " + unpublishedAtCrash + " unpublished when post-cmd was killed; "
                + faults.storedEvents() + " events stored, " + faults.appliedEvents() + " applied; converged "
                + converged.toMillis() + " ms after the restart");
    }
}
