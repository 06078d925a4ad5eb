package org.socialmedia.post.cmd.command;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.socialmedia.post.cmd.domain.Post;

/**
 * A command waiting in its post's line: what to decide, and the answer its caller waits for.
 *
 * <p>Its state moves once, from waiting to taken (into a group), to committing (it leads the next
 * group) or to abandoned (its caller stopped waiting): whichever happens first wins, so a command
 * is never both stored and answered "busy".
 */
final class QueuedCommand {

    private static final int WAITING = 0;
    private static final int TAKEN = 1;
    private static final int COMMITTING = 2;
    private static final int ABANDONED = 3;

    private final OptionalLong expectedVersion;
    private final Consumer<Post> decision;
    private final CompletableFuture<Long> answer = new CompletableFuture<>();
    private final CompletableFuture<Void> turnToCommit = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(WAITING);

    QueuedCommand(OptionalLong expectedVersion, Consumer<Post> decision) {
        this.expectedVersion = expectedVersion;
        this.decision = decision;
    }

    OptionalLong expectedVersion() {
        return expectedVersion;
    }

    Consumer<Post> decision() {
        return decision;
    }

    /** @return whether this command is now in a group, false if its caller gave up first */
    boolean take() {
        return state.compareAndSet(WAITING, TAKEN);
    }

    /** @return whether this command now leads the next group, false if its caller gave up first */
    boolean leadNextGroup() {
        if (state.compareAndSet(WAITING, COMMITTING)) {
            turnToCommit.complete(null);
            return true;
        }
        return false;
    }

    /** @return whether the caller may leave: false once the command is in a group or leads one */
    boolean abandon() {
        return state.compareAndSet(WAITING, ABANDONED);
    }

    void answer(long version) {
        answer.complete(version);
    }

    void refuse(Throwable refusal) {
        answer.completeExceptionally(refusal);
    }

    boolean answered() {
        return answer.isDone();
    }

    CompletableFuture<Long> answerFuture() {
        return answer;
    }

    /** Completes (never exceptionally) when the command is answered or it is its turn to commit a group. */
    CompletableFuture<Object> answeredOrTurnToCommit() {
        return CompletableFuture.anyOf(answer.handle((version, refusal) -> version), turnToCommit);
    }

    boolean turnToCommit() {
        return turnToCommit.isDone();
    }
}
