package org.socialmedia.bench;

import java.util.UUID;

/**
 * Whether a post's history sets the cost of its next command: latency on a post that already has
 * many events against a post created just before, measured alternately by one client.
 */
final class HotPost {

    record Outcome(double hotP50Millis, double freshP50Millis) {
    }

    private final PostApi api;
    private final int clients;
    private UUID hot;
    private int likes;

    HotPost(PostApi api, int clients) {
        this.api = api;
        this.clients = clients;
    }

    /** Builds the hot post once: its events are likes by distinct users, sent concurrently. */
    void prepare(int events) {
        PostApi.Answer created = api.createPost("celebrity", "the hot post");
        SocialLoad.require(created);
        hot = PostApi.idOf(created);
        Workers.runCount(clients, events - 1, i -> SocialLoad.require(api.like(hot, "follower-" + i)));
        likes = events - 1;
    }

    Outcome measure(int samples) {
        PostApi.Answer created = api.createPost("newcomer", "a fresh post");
        SocialLoad.require(created);
        UUID fresh = PostApi.idOf(created);
        Latencies onHot = new Latencies();
        Latencies onFresh = new Latencies();
        for (int i = 0; i < samples; i++) {
            onHot.record(timed(api.like(hot, "late-fan-" + (likes++))));
            onFresh.record(timed(api.like(fresh, "fan-" + i)));
        }
        return new Outcome(onHot.millis(50), onFresh.millis(50));
    }

    private static long timed(PostApi.Answer answer) {
        SocialLoad.require(answer);
        return answer.nanos();
    }
}
