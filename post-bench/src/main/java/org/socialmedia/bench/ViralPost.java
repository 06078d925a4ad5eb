package org.socialmedia.bench;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.socialmedia.testsupport.api.CommandApi;

/**
 * A viral post: every client of the command phase sends its commands to one post at once, as fast
 * as it can. Unlike {@link HotPost}, which asks whether a long history slows a post down, this asks
 * whether many users at once do: its throughput is set against the spread command phase of the
 * same round.
 *
 * <p>Every command stores an event, so that the figure counts appends and not answers: likes by
 * users who have not liked the post yet, mixed with comments in the spread load's proportion
 * (60 likes to 25 comments), so that both phases do the same kind of work. Each round's post is a
 * new one, so the pool's users can like it again; once the pool has no user left who has not
 * liked it, the phase sends comments only, and says so in its like share.
 */
final class ViralPost {

    /** The spread load's likes among its likes and comments (60 : 25). */
    static final double LIKE_SHARE = 60.0 / 85.0;
    /**
     * The rate the pool is sized for: the target on this machine (0.8 of about 1,100 spread
     * commands/s, rounded up). Tokens are minted by HTTP before anything is timed, at 100 to 300 a
     * second on two busy cores, so a pool for every rate one post might reach would make minting
     * the longest part of a quick run; past this rate a phase runs out of new likers and sends
     * comments, which its like share shows.
     */
    static final int POOL_SIZED_FOR_COMMANDS_PER_S = 1000;

    record Outcome(double commandsPerSecond, Latencies latencies, long failures, long likes, long comments,
                   boolean everyCommandStoredAnEvent) {

        /** The likes' part of the accepted commands; below {@link #LIKE_SHARE} when the pool ran short. */
        double likeShare() {
            long stored = likes + comments;
            return stored == 0 ? Double.NaN : (double) likes / stored;
        }
    }

    private final CommandApi commands;
    private final BenchUsers users;
    private final int clients;

    ViralPost(CommandApi commands, BenchUsers users, int clients) {
        this.commands = commands;
        this.users = users;
        this.clients = clients;
    }

    /** How many users a phase of this length needs so that it never runs out of new likes. */
    static int usersNeeded(Duration phase) {
        return (int) Math.ceil(LIKE_SHARE * POOL_SIZED_FOR_COMMANDS_PER_S * phase.toMillis() / 1000.0);
    }

    Outcome measure(Duration duration) {
        UUID post = SocialLoad.require(commands.createPost(users.name(2), "a viral post")).id();
        Latencies latencies = new Latencies();
        AtomicLong failures = new AtomicLong();
        AtomicLong likers = new AtomicLong();
        AtomicLong likes = new AtomicLong();
        AtomicLong comments = new AtomicLong();
        AtomicLong highestVersion = new AtomicLong(1);
        long start = System.nanoTime();
        Workers.run(clients, duration, 0, worker -> {
            boolean like = ThreadLocalRandom.current().nextDouble() < LIKE_SHARE;
            long liker = like ? likers.getAndIncrement() : -1;
            boolean newLike = like && liker < users.size();
            String user = newLike ? users.name(liker) : users.name(ThreadLocalRandom.current().nextInt(users.size()));
            Timed command = Timed.call(() -> newLike ? commands.likePost(post, user) : commands.addComment(post, user, "so true"));
            latencies.record(command.nanos());
            if (!command.ok()) {
                failures.incrementAndGet();
                return;
            }
            (newLike ? likes : comments).incrementAndGet();
            highestVersion.accumulateAndGet(command.answer().version(), Math::max);
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        // Versions are gapless: if every accepted command stored an event, the last one is the created post's plus one each.
        boolean everyCommandStoredAnEvent = highestVersion.get() == 1 + likes.get() + comments.get();
        return new Outcome(latencies.count() / seconds, latencies, failures.get(), likes.get(), comments.get(),
                everyCommandStoredAnEvent);
    }
}
