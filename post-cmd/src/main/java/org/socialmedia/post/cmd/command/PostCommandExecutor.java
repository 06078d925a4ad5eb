package org.socialmedia.post.cmd.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.socialmedia.cqrs.domain.DomainException;
import org.socialmedia.cqrs.eventstore.RecordedEvent;
import org.socialmedia.post.cmd.domain.Post;
import org.socialmedia.post.cmd.domain.PostCommand;
import org.springframework.web.ErrorResponseException;

/**
 * Runs commands on posts: queues each in its post's line, and commits the line in groups (see
 * {@link PostLines}): decide the group on the post as this instance knows it, store its events
 * with one ordered write, and decide again what the store showed to be decided on a stale state,
 * a bounded number of times.
 *
 * <p>The post comes from the cache when it is there, so a post's history does not set the cost of
 * its next command. A cached post is never trusted blindly: {@link GroupDecision} keeps only the
 * answers the store proved were decided on the current state; a group that stored nothing is
 * checked with a read of anything newer than the cached version.
 */
class PostCommandExecutor {

    private final PostRepository posts;
    private final PostCache cache;
    private final PostLines lines;
    private final StoredEventsListener listener;
    private final CommandMetrics metrics;
    private final int maxAttempts;
    private final Duration maxBackoff;

    PostCommandExecutor(PostRepository posts, PostCache cache, PostLines lines, StoredEventsListener listener,
                        CommandMetrics metrics, int maxAttempts, Duration maxBackoff) {
        this.posts = posts;
        this.cache = cache;
        this.lines = lines;
        this.listener = listener;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
        this.maxBackoff = maxBackoff;
    }

    /** Stores a new post. Its id is fresh and unknown to anyone else until this answers, so it needs no line. */
    long create(PostCommand command, Supplier<Post> creation) {
        return measured(command, () -> {
            Post post = creation.get();
            listener.stored(posts.save(post, Map.of("correlationId", UUID.randomUUID().toString())));
            cache.put(post);
            return post.version();
        });
    }

    /** @return the post's version after the command; unchanged if the decision raised nothing */
    long execute(PostCommand command, UUID postId, OptionalLong expectedVersion, Consumer<Post> decision) {
        return measured(command, () -> lines.run(postId, new QueuedCommand(expectedVersion, decision), this::commit));
    }

    /** Decides and stores one group, and answers each of its commands. */
    private void commit(UUID postId, List<QueuedCommand> group) {
        metrics.grouped(group.size());
        @Nullable Post post = cache.take(postId).orElse(null);
        boolean readFromStore = false;
        List<QueuedCommand> undecided = group;
        int attempt = 1;
        while (true) {
            if (post == null) {
                post = posts.load(postId);
                readFromStore = true;
            }
            GroupDecision decision = GroupDecision.decide(post, undecided, readFromStore);
            if (decision.spoilt()) {
                // Nothing of this round may be stored; the others are decided again on the post as stored.
                undecided = decision.refuseSpoiler(undecided);
                post = null;
                if (undecided.isEmpty()) {
                    return;
                }
                continue;
            }
            List<RecordedEvent> stored = posts.saveInOrder(post, decision.eventMetadata());
            listener.stored(stored);
            boolean allStored = stored.size() == decision.eventCount();
            // Nothing stored from a cached post proves nothing: is there anything newer?
            boolean verifiedSince = allStored && decision.eventCount() == 0 && !readFromStore && !posts.catchUp(post);
            List<QueuedCommand> again = decision.answerStanding(stored.size(), verifiedSince);
            if (again.isEmpty()) {
                cache.put(post);
                return;
            }
            if (allStored) {
                // The cached post was stale and has caught up: decide once more on the state just read.
                readFromStore = true;
            } else {
                post = null;
                if (attempt >= maxAttempts) {
                    again.forEach(lost -> lost.refuse(new CommandRetriesExhaustedException(postId, maxAttempts)));
                    return;
                }
                metrics.conflictsRetried(again.size());
                pause(attempt);
                attempt++;
            }
            undecided = again;
        }
    }

    private long measured(PostCommand command, LongSupplier work) {
        String name = command.getClass().getSimpleName();
        try {
            long version = work.getAsLong();
            metrics.handled(name, "accepted");
            return version;
        } catch (DomainException | ErrorResponseException refused) {
            // The post's rules refused it, or this service could not store it: either way an answer, not a bug.
            metrics.handled(name, refused.getClass().getSimpleName());
            throw refused;
        }
    }

    /** Jittered, growing pause so that writers on different instances stop colliding in step. */
    private void pause(int attempt) {
        long boundMillis = Math.min(maxBackoff.toMillis(), 2L * attempt) + 1;
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(boundMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a command", e);
        }
    }
}
