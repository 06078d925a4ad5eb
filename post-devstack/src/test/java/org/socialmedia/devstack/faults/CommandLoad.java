package org.socialmedia.devstack.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;

import static org.awaitility.Awaitility.await;

/**
 * Steady command load from a few client threads until {@link #stop}: new posts, likes by users
 * who never liked before, and comments, on a growing set of posts, spread over the given
 * post-cmd instances request by request. Counts what it sent and what was accepted, and keeps
 * every answer that was not a 2xx.
 */
final class CommandLoad {

    private static final Duration MILESTONE_TIMEOUT = Duration.ofMinutes(2);

    private final List<CommandApi> targets;
    private final double createShare;
    private final List<UUID> posts = new CopyOnWriteArrayList<>();
    private final List<Thread> clients = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong users = new AtomicLong();
    private final Map<UUID, AtomicLong> acceptedLikes = new ConcurrentHashMap<>();
    private final Queue<String> refused = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    /**
     * @param initialPosts posts created before the load starts, all by the first target
     * @param createShare  the share of commands that create a post; the rest are likes and comments
     */
    CommandLoad(List<CommandApi> targets, int initialPosts, double createShare) {
        this.targets = List.copyOf(targets);
        this.createShare = createShare;
        for (int i = 0; i < initialPosts; i++) {
            create(targets.get(0));
        }
    }

    CommandLoad start(int threads) {
        for (int i = 0; i < threads; i++) {
            Thread client = new Thread(this::run, "load-" + i);
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
        return this;
    }

    /** Stops the clients after their request in flight and waits for them. */
    CommandLoad stop() {
        running = false;
        for (Thread client : clients) {
            try {
                client.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return this;
    }

    /** Waits until {@code count} more commands than now are accepted: a milestone of the load, not a time. */
    CommandLoad awaitMoreAccepted(long count) {
        long target = accepted() + count;
        await(count + " more commands accepted").atMost(MILESTONE_TIMEOUT).until(() -> accepted() >= target);
        return this;
    }

    long sent() {
        return sent.get();
    }

    long accepted() {
        return accepted.get();
    }

    List<String> refused() {
        return List.copyOf(refused);
    }

    List<UUID> posts() {
        return List.copyOf(posts);
    }

    /** Likes answered 2xx, per post: what the read model must show. */
    long acceptedLikes(UUID post) {
        AtomicLong likes = acceptedLikes.get(post);
        return likes == null ? 0 : likes.get();
    }

    String summary() {
        return sent() + " commands sent, " + accepted() + " accepted, " + refused.size() + " not";
    }

    private void run() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            CommandApi target = targets.get(random.nextInt(targets.size()));
            double dice = random.nextDouble();
            try {
                if (dice < createShare || posts.isEmpty()) {
                    create(target);
                } else {
                    UUID post = posts.get(random.nextInt(posts.size()));
                    String user = "user-" + users.incrementAndGet();
                    if (dice < createShare + (1 - createShare) * 0.6) {
                        if (count(target.likePost(post, user))) {
                            acceptedLikes.computeIfAbsent(post, id -> new AtomicLong()).incrementAndGet();
                        }
                    } else {
                        count(target.addComment(post, user, "comment by " + user));
                    }
                }
            } catch (RuntimeException e) {
                sent.incrementAndGet();
                refused.add(e.toString());
            }
        }
    }

    private void create(CommandApi target) {
        long n = users.incrementAndGet();
        Answer answer = target.createPost("author-" + n, "post number " + n);
        if (count(answer)) {
            posts.add(answer.id());
        }
    }

    private boolean count(Answer answer) {
        sent.incrementAndGet();
        if (answer.successful()) {
            accepted.incrementAndGet();
            return true;
        }
        refused.add(answer.toString());
        return false;
    }
}
