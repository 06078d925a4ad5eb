package org.socialmedia.devstack.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guarantee 1, no lost updates, on one hot post: 400 clients at the same moment, each liking it
 * (as a different user) and commenting on it, so that post-cmd commits them in groups. Exact final
 * counts and gapless versions, each caller answered with its own version, in the store and in the
 * read model.
 */
class HotPostIT {

    private static final int CLIENTS = 400;

    private FaultStack faults;

    @BeforeEach
    void startStack() {
        faults = FaultStack.start("hot-post");
    }

    @AfterEach
    void stopStack() {
        faults.close();
    }

    @Test
    void fourHundredClientsOnOnePostLoseNothing() throws Exception {
        CommandApi commands = faults.commands();
        UUID post = commands.createPost("celebrity", "Big news").id();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<List<Answer>>> clients = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            String fan = "fan-" + i;
            clients.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(go);
                return List.of(commands.likePost(post, fan), commands.addComment(post, fan, "congratulations from " + fan));
            }, threads));
        }
        go.countDown();
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<List<Answer>> client : clients) {
            answers.addAll(client.get());
        }
        threads.shutdown();

        assertThat(answers).as("answers").allMatch(Answer::successful);
        long expectedVersion = 1 + 2L * CLIENTS;
        assertThat(answers.stream().map(Answer::version).sorted().toList()).as("versions the commands were answered with")
                .isEqualTo(range(2, expectedVersion));
        List<Long> stored = new ArrayList<>();
        faults.store().forEach(event -> {
            if (event.postId().equals(post.toString())) {
                stored.add(event.version());
            }
        });
        assertThat(stored).as("versions in the event store").isEqualTo(range(1, expectedVersion));
        double largestGroup = faults.largestCommandGroup();
        assertThat(largestGroup).as("most commands stored with one write").isGreaterThan(1);
        Duration converged = faults.awaitConvergence();
        JsonNode shown = faults.lookups().post(post, expectedVersion).json();
        assertThat(shown.get("likes").asLong()).as("likes").isEqualTo(CLIENTS);
        assertThat(shown.get("comments").size()).as("comments").isEqualTo(CLIENTS);
        assertThat(shown.get("version").asLong()).as("version").isEqualTo(expectedVersion);

        faults.report("hot post", answers.size() + " commands sent by " + CLIENTS + " clients at once, all accepted; versions 2.."
                + expectedVersion + " gapless; " + faults.storedEvents() + " events stored, " + faults.appliedEvents()
                + " applied; groups of up to " + (long) largestGroup + " commands per write; converged " + converged.toMillis()
                + " ms after the last answer");
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long v = from; v <= to; v++) {
            values.add(v);
        }
        return values;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
