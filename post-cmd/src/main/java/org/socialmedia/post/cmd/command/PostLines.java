package org.socialmedia.post.cmd.command;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * The line of commands on each post in this instance, committed in groups.
 *
 * <p>Commands on one post must be decided one after another, on the state the one before left.
 * Group commit makes that line cheap: the command that finds no group being committed on its post
 * commits one itself. It takes the commands queued behind it (up to a maximum), in arrival order,
 * and the committer decides them all on the same state and stores them with one write; then it
 * hands the line to the next command still waiting, which commits the next group. A burst of
 * likes on one post thus costs one round trip to the store per group instead of per command,
 * and every caller still gets its own answer from its own command.
 *
 * <p>Correctness does not depend on this line: the event store's unique (aggregateId, version)
 * index refuses a second writer, across instances too. The line only keeps this instance's
 * commands from racing each other for the same version.
 *
 * <p>The wait is bounded: a command not yet taken into a group when the timeout expires leaves
 * the line with {@link PostBusyException} (nothing of it is stored), so a store that stopped
 * answering cannot gather every request thread of the service behind one post. A command already
 * in a group waits for that group's answer, which the store's own timeouts bound.
 */
final class PostLines {

    /** Decides and stores a group, and answers every command in it (or throws for those it did not answer). */
    @FunctionalInterface
    interface Committer {
        void commit(UUID postId, List<QueuedCommand> group);
    }

    private static final class Line {
        private final ArrayDeque<QueuedCommand> waiting = new ArrayDeque<>();
    }

    /** A post has a line while a group of it is being committed; the line holds who waits behind it. */
    private final Map<UUID, Line> lines = new ConcurrentHashMap<>();
    private final int maxGroupSize;
    private final Duration timeout;

    PostLines(int maxGroupSize, Duration timeout) {
        if (maxGroupSize < 1) {
            throw new IllegalArgumentException("a group holds at least one command, got " + maxGroupSize);
        }
        this.maxGroupSize = maxGroupSize;
        this.timeout = timeout;
    }

    /** Queues the command, commits a group when it is the command's turn, and returns its answer. */
    long run(UUID postId, QueuedCommand command, Committer committer) {
        if (joinLine(postId, command) && !awaitAnswerOrTurn(postId, command)) {
            return answerOf(command);
        }
        commitGroup(postId, command, committer);
        return answerOf(command);
    }

    /** How many commands wait in the post's line behind the group being committed. */
    int waiting(UUID postId) {
        Line line = lines.get(postId);
        return line == null ? 0 : line.waiting.size();
    }

    /** @return true if the command waits behind a group being committed, false if it commits at once */
    private boolean joinLine(UUID postId, QueuedCommand command) {
        boolean[] waits = {false};
        lines.compute(postId, (id, line) -> {
            if (line == null) {
                return new Line();
            }
            line.waiting.add(command);
            waits[0] = true;
            return line;
        });
        return waits[0];
    }

    /** @return true if it is the command's turn to commit, false if it was answered */
    private boolean awaitAnswerOrTurn(UUID postId, QueuedCommand command) {
        try {
            command.answeredOrTurnToCommit().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillWaiting) {
            if (command.abandon()) {
                lines.computeIfPresent(postId, (id, line) -> {
                    line.waiting.remove(command);
                    return line;
                });
                throw new PostBusyException(postId, timeout);
            }
            // Taken into a group or handed the line just now: its answer or its turn is coming.
            command.answeredOrTurnToCommit().join();
        } catch (ExecutionException cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (command.abandon()) {
                throw new IllegalStateException("interrupted while waiting in a post's line", e);
            }
            command.answeredOrTurnToCommit().join();
        }
        return command.turnToCommit() && !command.answered();
    }

    private void commitGroup(UUID postId, QueuedCommand first, Committer committer) {
        List<QueuedCommand> group = new ArrayList<>();
        group.add(first);
        try {
            takeWaiting(postId, group);
            committer.commit(postId, group);
        } catch (RuntimeException | Error failure) {
            // The store failed the group: whoever was not answered yet gets the failure as answer.
            for (QueuedCommand command : group) {
                if (!command.answered()) {
                    command.refuse(failure);
                }
            }
        } finally {
            handOver(postId);
        }
        for (QueuedCommand command : group) {
            if (!command.answered()) {
                command.refuse(new IllegalStateException("a command of the group was left unanswered"));
            }
        }
    }

    private void takeWaiting(UUID postId, List<QueuedCommand> group) {
        lines.computeIfPresent(postId, (id, line) -> {
            while (group.size() < maxGroupSize && !line.waiting.isEmpty()) {
                QueuedCommand next = line.waiting.poll();
                if (next.take()) {
                    group.add(next);
                }
            }
            return line;
        });
    }

    /** Gives the line to the next command still waiting, or closes it when nobody waits. */
    private void handOver(UUID postId) {
        lines.computeIfPresent(postId, (id, line) -> {
            for (@Nullable QueuedCommand next = line.waiting.poll(); next != null; next = line.waiting.poll()) {
                if (next.leadNextGroup()) {
                    return line;
                }
            }
            return null;
        });
    }

    private static long answerOf(QueuedCommand command) {
        try {
            return command.answerFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
