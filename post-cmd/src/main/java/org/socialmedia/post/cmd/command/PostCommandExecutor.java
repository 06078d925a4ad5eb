package org.socialmedia.post.cmd.command;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.socialmedia.cqrs.domain.ConcurrencyException;
import org.socialmedia.cqrs.domain.DomainException;
import org.socialmedia.cqrs.domain.StaleVersionException;
import org.socialmedia.post.cmd.domain.Post;
import org.socialmedia.post.cmd.domain.PostCommand;
import org.springframework.web.ErrorResponseException;

/**
 * Runs a decision on a post: load, decide, check the caller's expected version, store; and when
 * another writer stored first, do it all again on the fresh state, a bounded number of times.
 *
 * <p>The expected version ({@code If-Match}) is checked after the decision on purpose: a request
 * the post would refuse anyway (unknown, removed, not yours) answers with that refusal, as HTTP
 * says preconditions are only evaluated for requests that would otherwise succeed. A retry after a
 * lost race re-checks it, so a caller who pinned a version gets 412 once the post has moved on.
 */
class PostCommandExecutor {

    private final PostRepository posts;
    private final PostCache cache;
    private final PostLocks locks;
    private final StoredEventsListener listener;
    private final CommandMetrics metrics;
    private final int maxAttempts;
    private final Duration maxBackoff;

    PostCommandExecutor(PostRepository posts, PostCache cache, PostLocks locks, StoredEventsListener listener,
                               CommandMetrics metrics, int maxAttempts, Duration maxBackoff) {
        this.posts = posts;
        this.cache = cache;
        this.locks = locks;
        this.listener = listener;
        this.metrics = metrics;
        this.maxAttempts = maxAttempts;
        this.maxBackoff = maxBackoff;
    }

    /** Stores a new post. Its id is fresh, so there is no one to race with. */
    long create(PostCommand command, Supplier<Post> creation) {
        return measured(command, () -> {
            Post post = creation.get();
            return locks.withLock(post.id(), () -> {
                store(post);
                cache.put(post);
                return post.version();
            });
        });
    }

    /** @return the post's version after the command; unchanged if the decision raised nothing */
    long execute(PostCommand command, UUID postId, OptionalLong expectedVersion, Consumer<Post> decision) {
        return measured(command, () -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    return locks.withLock(postId, () -> decideAndStore(postId, expectedVersion, decision));
                } catch (ConcurrencyException lostRace) {
                    if (attempt >= maxAttempts) {
                        throw new CommandRetriesExhaustedException(postId, attempt);
                    }
                    metrics.conflictRetried();
                    pause(attempt);
                }
            }
        });
    }

    /**
     * Decides on the cached post when there is one, else on the post replayed from the store.
     *
     * <p>A decision on a cached post is kept only when it raised an event and the append at the
     * next version succeeded: the unique index then proves that nobody stored anything in
     * between, so the cached state was current. Any other outcome (a refusal, nothing to do, a
     * stale If-Match, a lost race) may be an artefact of a stale cache, so it is decided again on
     * the post as stored before the caller hears of it.
     */
    private long decideAndStore(UUID postId, OptionalLong expectedVersion, Consumer<Post> decision) {
        Optional<Post> cached = cache.take(postId);
        if (cached.isPresent()) {
            try {
                Decided decided = decideAndStore(cached.get(), expectedVersion, decision);
                if (decided.storedAnEvent()) {
                    cache.put(cached.get());
                    return decided.version();
                }
            } catch (DomainException possiblyStale) {
                // decided again below, on the stored state
            }
        }
        Post stored = posts.load(postId);
        long version = decideAndStore(stored, expectedVersion, decision).version();
        cache.put(stored);
        return version;
    }

    private record Decided(long version, boolean storedAnEvent) {
    }

    private Decided decideAndStore(Post post, OptionalLong expectedVersion, Consumer<Post> decision) {
        long decidedOn = post.version();
        decision.accept(post);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != decidedOn) {
            throw new StaleVersionException(post.id(), expectedVersion.getAsLong(), decidedOn);
        }
        boolean raised = !post.uncommittedEvents().isEmpty();
        store(post);
        return new Decided(post.version(), raised);
    }

    private void store(Post post) {
        listener.stored(posts.save(post, Map.of("correlationId", UUID.randomUUID().toString())));
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
