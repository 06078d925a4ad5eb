package org.socialmedia.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.api.LookupApi;

/**
 * The social app's write traffic: seeded posts, then a mix of 60% likes by distinct users, 25%
 * comments, 10% message edits by the author and 5% new posts, aimed at posts picked by a Zipf law.
 * Every command is sent with its user's token, from the pool minted before the load.
 */
final class SocialLoad {

    record SeededPost(UUID id, String author) {
    }

    /**
     * What a load phase measured. Freshness is from a command's answer to the lookup that shows
     * it; {@code toTopic} is its first part, from the answer to the event's arrival on the topic.
     */
    record Outcome(double commandsPerSecond, Latencies latencies, long failures, Latencies freshness, Latencies toTopic) {
    }

    private static final int FRESHNESS_SAMPLE_EVERY = 10;

    private final CommandApi commands;
    private final LookupApi lookups;
    private final BenchUsers users;
    private final int clients;
    private final List<SeededPost> posts = new CopyOnWriteArrayList<>();
    /** Likes sent per post: the n-th like of a post is by the n-th user, so each is a new like while the pool lasts. */
    private final Map<UUID, AtomicLong> likesSent = new ConcurrentHashMap<>();
    private ZipfPicker picker;

    SocialLoad(CommandApi commands, LookupApi lookups, BenchUsers users, int clients) {
        this.commands = commands;
        this.lookups = lookups;
        this.users = users;
        this.clients = clients;
    }

    void seed(int count) {
        Workers.runCount(clients, count, i -> {
            String author = users.name(i);
            UUID post = require(commands.createPost(author, "post number " + i)).id();
            posts.add(new SeededPost(post, author));
        });
        picker = new ZipfPicker(posts.size());
    }

    List<SeededPost> posts() {
        return posts;
    }

    /** As fast as the clients can go. */
    Outcome saturate(Duration duration) {
        return run(duration, 0, null);
    }

    /**
     * At a fixed rate, sampling how long until a lookup shows each sampled command, and how much
     * of that its event took to reach the topic.
     */
    Outcome paced(Duration duration, double commandsPerSecond, TopicArrivals arrivals) {
        return run(duration, commandsPerSecond, arrivals);
    }

    /** @param arrivals null: no freshness sampled */
    private Outcome run(Duration duration, double rate, TopicArrivals arrivals) {
        Latencies latencies = new Latencies();
        Latencies freshness = new Latencies();
        Latencies toTopic = new Latencies();
        AtomicLong failures = new AtomicLong();
        AtomicLong done = new AtomicLong();
        ExecutorService probes = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        Workers.run(clients, duration, rate, worker -> {
            SeededPost target = posts.get(picker.next());
            Timed command = Timed.call(() -> oneCommand(target));
            long answeredAt = System.nanoTime();
            latencies.record(command.nanos());
            if (!command.ok()) {
                failures.incrementAndGet();
            } else if (arrivals != null && done.incrementAndGet() % FRESHNESS_SAMPLE_EVERY == 0) {
                UUID post = command.answer().id();
                long version = command.answer().version();
                probes.submit(() -> {
                    freshness.record(timeUntilVisible(post, version, answeredAt));
                    // Visible means published: the watch has seen it, or sees it within moments. The event may
                    // reach the topic before the client has read its answer: that counts as no time at all.
                    arrivals.await(post, version, Duration.ofSeconds(5))
                            .ifPresent(arrived -> toTopic.record(Math.max(0, arrived - answeredAt)));
                });
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        probes.shutdown();
        awaitQuietly(probes);
        return new Outcome(latencies.count() / seconds, latencies, failures.get(), freshness, toTopic);
    }

    private Answer oneCommand(SeededPost target) {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 60) {
            long like = likesSent.computeIfAbsent(target.id(), post -> new AtomicLong()).getAndIncrement();
            return commands.likePost(target.id(), users.name(like));
        } else if (dice < 85) {
            return commands.addComment(target.id(), users.name(ThreadLocalRandom.current().nextInt(1000)), "a comment");
        } else if (dice < 95) {
            return commands.updateMessage(target.id(), target.author(), "edited at " + System.nanoTime());
        }
        return commands.createPost(users.name(ThreadLocalRandom.current().nextInt(users.size())), "a new post");
    }

    /** From the command's answer to the lookup that shows its version, as a client would wait for it. */
    private long timeUntilVisible(UUID post, long version, long answeredAt) {
        Timed visible = Timed.call(() -> lookups.post(post, version));
        return visible.ok() ? System.nanoTime() - answeredAt : TimeUnit.SECONDS.toNanos(5);
    }

    /** The answer of a command that must be accepted for the benchmark to go on. */
    static Answer require(Answer answer) {
        if (!answer.successful()) {
            throw new IllegalStateException("command refused: " + answer);
        }
        return answer;
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
