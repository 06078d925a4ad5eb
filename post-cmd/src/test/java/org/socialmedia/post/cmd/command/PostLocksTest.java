package org.socialmedia.post.cmd.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PostLocksTest {

    private static final UUID POST = UUID.fromString("4c3a8d9e-7f21-4b6a-9a3e-1d2c3b4a5f60");
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final PostLocks locks = new PostLocks(16, TIMEOUT);
    private final CountDownLatch release = new CountDownLatch(1);

    /** Another command holds the post's lock until {@link #release} opens. */
    private CompletableFuture<String> commandInProgress() throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<String> command = CompletableFuture.supplyAsync(() -> locks.withLock(POST, () -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "first";
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        return command;
    }

    @AfterEach
    void finishTheCommandInProgress() {
        release.countDown();
    }

    @Nested
    class WhileAnotherCommandHoldsThePost {

        @Test
        void aCommandWhoseTurnDoesNotComeWithinTheTimeoutIsRefusedAsBusy() throws Exception {
            commandInProgress();

            assertTimeoutPreemptively(TIMEOUT.multipliedBy(10), () ->
                    assertThatThrownBy(() -> locks.withLock(POST, () -> "second"))
                            .isInstanceOf(PostBusyException.class)
                            .hasMessageContaining(POST.toString()));
        }

        @Test
        void aCommandWhoseTurnComesWithinTheTimeoutRuns() throws Exception {
            CompletableFuture<String> first = commandInProgress();

            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> locks.withLock(POST, () -> "second"));
            release.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("second");
        }
    }
}
