package org.socialmedia.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** The social app's read traffic: half single posts (Zipf-picked), half pages of the feed. */
final class LookupLoad {

    record Outcome(double lookupsPerSecond, Latencies latencies, long failures) {
    }

    private final PostApi api;
    private final int clients;

    LookupLoad(PostApi api, int clients) {
        this.api = api;
        this.clients = clients;
    }

    Outcome run(List<SocialLoad.SeededPost> posts, Duration duration) {
        ZipfPicker picker = new ZipfPicker(posts.size());
        Latencies latencies = new Latencies();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        Workers.run(clients, duration, 0, worker -> {
            PostApi.Answer answer = ThreadLocalRandom.current().nextBoolean()
                    ? api.post(posts.get(picker.next()).id(), 0)
                    : api.page(ThreadLocalRandom.current().nextInt(10), 20);
            latencies.record(answer.nanos());
            if (!answer.ok()) {
                failures.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(latencies.count() / seconds, latencies, failures.get());
    }
}
