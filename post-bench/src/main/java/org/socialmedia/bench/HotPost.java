package org.socialmedia.bench;

import java.util.UUID;
import java.util.function.Supplier;

import org.socialmedia.testsupport.api.Answer;
import org.socialmedia.testsupport.api.CommandApi;

/**
 * Whether a post's history sets the cost of its next command: latency on a post that already has
 * many events against a post created just before, measured alternately by one client.
 */
final class HotPost {

    record Outcome(double hotP50Millis, double freshP50Millis) {
    }

    private final CommandApi commands;
    private final BenchUsers users;
    private final int clients;
    private UUID hot;
    private int likes;

    HotPost(CommandApi commands, BenchUsers users, int clients) {
        this.commands = commands;
        this.users = users;
        this.clients = clients;
    }

    /** Builds the hot post once: its events are likes by distinct users (the pool's first), sent concurrently. */
    void prepare(int events) {
        hot = SocialLoad.require(commands.createPost(users.name(0), "the hot post")).id();
        Workers.runCount(clients, events - 1, i -> SocialLoad.require(likeUntilConfirmed(hot, users.name(i))));
        likes = events - 1;
    }

    /**
     * The preparation runs beside the seeding and the warm-up, and on a busy machine the store may
     * not confirm an append in time (503: stored or not). A like is per user, so sending it again is
     * safe: if the first was stored, the second changes nothing.
     */
    private Answer likeUntilConfirmed(UUID post, String user) {
        Answer answer = commands.likePost(post, user);
        for (int retry = 0; retry < 3 && answer.status() == 503; retry++) {
            answer = commands.likePost(post, user);
        }
        return answer;
    }

    /** The pool is larger than the hot post's likes and every round's samples, so each sample is a new like. */
    Outcome measure(int samples) {
        UUID fresh = SocialLoad.require(commands.createPost(users.name(1), "a fresh post")).id();
        Latencies onHot = new Latencies();
        Latencies onFresh = new Latencies();
        for (int i = 0; i < samples; i++) {
            String lateFan = users.name(likes++);
            onHot.record(timed(() -> commands.likePost(hot, lateFan)));
            String fan = users.name(i);
            onFresh.record(timed(() -> commands.likePost(fresh, fan)));
        }
        return new Outcome(onHot.millis(50), onFresh.millis(50));
    }

    private static long timed(Supplier<Answer> like) {
        Timed call = Timed.call(like);
        if (!call.ok()) {
            throw new IllegalStateException("command refused: " + call.answer());
        }
        return call.nanos();
    }
}
