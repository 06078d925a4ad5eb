package org.socialmedia.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.socialmedia.testsupport.api.LookupApi;

/**
 * The social app's read traffic: half single posts (Zipf-picked), half pages of the feed; or
 * single posts only, the lookup a client makes for each post it shows.
 */
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
        return run(posts, duration, () -> false, true);
    }

    /** Lookups by id only, until the duration is over or {@code over} says so, whichever comes first. */
    Outcome byId(List<SocialLoad.SeededPost> posts, Duration duration, BooleanSupplier over) {
        return run(posts, duration, over, false);
    }

    private Outcome run(List<SocialLoad.SeededPost> posts, Duration duration, BooleanSupplier over, boolean withPages) {
        ZipfPicker picker = new ZipfPicker(posts.size());
        Latencies latencies = new Latencies();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        Workers.run(clients, duration, over, worker -> {
            Timed lookup = !withPages || ThreadLocalRandom.current().nextBoolean()
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
