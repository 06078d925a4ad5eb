package org.socialmedia.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.socialmedia.testsupport.api.LookupApi;

/** The social app's read traffic: half single posts (Zipf-picked), half pages of the feed. */
final class LookupLoad {

    record Outcome(double lookupsPerSecond, Latencies latencies, long failures) {
    }

    private final LookupApi lookups;
    private final int clients;

    LookupLoad(LookupApi lookups, int clients) {
        this.lookups = lookups;
        this.clients = clients;
    }

    Outcome run(List<SocialLoad.SeededPost> posts, Duration duration) {
        ZipfPicker picker = new ZipfPicker(posts.size());
        Latencies latencies = new Latencies();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        Workers.run(clients, duration, 0, worker -> {
            Timed lookup = ThreadLocalRandom.current().nextBoolean()
                    ? Timed.call(() -> lookups.post(posts.get(picker.next()).id()))
                    : Timed.call(() -> lookups.page("page=" + ThreadLocalRandom.current().nextInt(10) + "&size=20"));
            latencies.record(lookup.nanos());
            if (!lookup.ok()) {
                failures.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(latencies.count() / seconds, latencies, failures.get());
    }
}
