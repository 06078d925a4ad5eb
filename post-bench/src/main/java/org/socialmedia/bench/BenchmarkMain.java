package org.socialmedia.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.socialmedia.devstack.InfrastructureLogs;
import org.socialmedia.testsupport.api.CommandApi;
import org.socialmedia.testsupport.api.LookupApi;
import org.socialmedia.testsupport.audit.EventStoreReader;
import org.socialmedia.testsupport.audit.ReadModelAudit;

/**
 * Runs the benchmark: seeds posts, then in each round measures the raw ceilings, the command
 * load, freshness at half that load, lookups, the hot post and a rebuild by replay; finally
 * checks that the read model equals a fold of the event store, and fails loudly if not.
 */
public final class BenchmarkMain {

    private static final Path RESULT = Path.of("post-bench", "target", "bench", "result.json");

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        Path stackDir = RESULT.getParent().resolve("stack");
        InfrastructureLogs.sendTo(stackDir.resolve("logs"));
        try (LocalPair pair = options.target().startsItsOwnStack() ? LocalPair.start(stackDir) : null) {
            BenchOptions.Target target = pair == null ? options.target() : pair.target();
            String rateLimit = pair == null ? "as the target configures it" : "off (" + LocalPair.WITHOUT_RATE_LIMITS + ")";
            boolean consistent = run(options, target, rateLimit);
            if (!consistent) {
                System.exit(1);
            }
        }
    }

    private static boolean run(BenchOptions options, BenchOptions.Target target, String rateLimit) throws Exception {
        // Every user the load acts as, with a token minted before anything is timed: more than the
        // hot post's likes and every round's samples, so that each like is a new one.
        int userCount = options.hotPostEvents() + 1000;
        log("minting tokens for %,d users at %s", userCount, target.authUrl());
        long mintStart = System.nanoTime();
        BenchUsers users = BenchUsers.mint(target.authUrl(), userCount, options.clients());
        log("  %,d tokens in %d ms; per-user rate limit: %s", users.size(), (System.nanoTime() - mintStart) / 1_000_000, rateLimit);
        CommandApi commands = new CommandApi(target.commandUrl(), users);
        LookupApi lookups = new LookupApi(target.queryUrl());
        SocialLoad social = new SocialLoad(commands, lookups, users, options.clients());
        HotPost hotPost = new HotPost(commands, users, options.clients());
        Report report = new Report().identity(users.size(), rateLimit);
        try (EventStoreReader store = new EventStoreReader(target.mongoUri())) {
            log("seeding %d posts and a post with %d events", options.posts(), options.hotPostEvents());
            // The hot post's likes queue behind each other on one post, leaving most of the
            // machine idle: the seeding and the warm-up run beside them.
            CompletableFuture<Void> hotPostReady = CompletableFuture.runAsync(() -> hotPost.prepare(options.hotPostEvents()));
            social.seed(options.posts());
            warmUp(options, lookups, social);
            hotPostReady.join();
            warmUpRebuild(commands, store, target);
            for (int round = 1; round <= options.rounds(); round++) {
                log("round %d of %d", round, options.rounds());
                report.add(round(options, target, commands, lookups, social, hotPost, store));
            }
            log("checking the read model against a fold of the event store");
            ReadModelAudit.Result check = new ReadModelAudit(lookups).compare(store, options.clients());
            check.differences().stream().limit(20).forEach(difference -> log("INCONSISTENT %s", difference));
            String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
                    + ", Java " + System.getProperty("java.version");
            System.out.println();
            System.out.println(report.markdown(check.consistent(), machine, options));
            report.writeJson(RESULT, check.consistent(), machine, options);
            log("%d posts checked, consistent: %s; results in %s", check.posts(), check.consistent(), RESULT);
            return check.consistent();
        }
    }

    /**
     * An unmeasured load of every kind first: the services are measured as they run in
     * production, compiled by the JIT, not while their first minute is still being compiled.
     */
    private static void warmUp(BenchOptions options, LookupApi lookups, SocialLoad social) {
        Duration warmUp = options.quick() ? Duration.ofSeconds(3) : Duration.ofSeconds(15);
        log("warming up for %d s", 2 * warmUp.toSeconds());
        social.saturate(warmUp);
        new LookupLoad(lookups, options.clients()).run(social.posts(), warmUp);
    }

    /**
     * The replay runs only in a rebuild, so without this each round's rebuild would be the first,
     * second and third time its code ever ran, still being compiled by the JIT, and the rounds
     * would measure the warm-up instead of the replay. It waits for the hot post: a rebuild is
     * complete when the read model matches the store as it was when the rebuild began.
     */
    private static void warmUpRebuild(CommandApi commands, EventStoreReader store, BenchOptions.Target target) throws Exception {
        log("warming up the rebuild");
        new Rebuild(commands, store, target).run();
    }

    private static Round round(BenchOptions options, BenchOptions.Target target, CommandApi commands, LookupApi lookups,
                               SocialLoad social, HotPost hotPost, EventStoreReader store) throws Exception {
        Round round = new Round();
        Duration load = options.loadDuration();
        RawCeiling raw = new RawCeiling(target, options.clients());
        double rawInserts = raw.mongoInsertsPerSecond(Duration.ofSeconds(3));
        round.put("raw_appends_per_s", rawInserts);
        round.put("raw_kafka_records_per_s", raw.kafkaRecordsPerSecond(options.quick() ? 50_000 : 200_000));

        SocialLoad.Outcome saturated = social.saturate(load);
        round.put("commands_per_s", saturated.commandsPerSecond());
        round.put("command_p50_ms", saturated.latencies().millis(50));
        round.put("command_p99_ms", saturated.latencies().millis(99));
        round.put("command_failures", saturated.failures());
        round.put("append_ratio", saturated.commandsPerSecond() / rawInserts);

        SocialLoad.Outcome paced = social.paced(load, saturated.commandsPerSecond() / 2);
        round.put("lag_p50_ms", paced.freshness().millis(50));
        round.put("lag_p99_ms", paced.freshness().millis(99));

        LookupLoad.Outcome looked = new LookupLoad(lookups, options.clients()).run(social.posts(), load);
        round.put("lookups_per_s", looked.lookupsPerSecond());
        round.put("lookup_p99_ms", looked.latencies().millis(99));

        HotPost.Outcome hot = hotPost.measure(100);
        round.put("hot_post_p50_ms", hot.hotP50Millis());
        round.put("fresh_post_p50_ms", hot.freshP50Millis());

        round.put("cmd_heap_used_max_mb", HeapWatch.heapUsedMegabytes(target.commandManagementUrl()));
        round.put("query_heap_used_max_mb", HeapWatch.heapUsedMegabytes(target.queryManagementUrl()));

        Rebuild.Outcome rebuild = new Rebuild(commands, store, target).run();
        round.put("rebuild_events_per_s", rebuild.eventsPerSecond());
        log("  %,.0f commands/s (%.2f of raw inserts), p99 %.1f ms; freshness p99 %.1f ms; lookups p99 %.1f ms; rebuild %,.0f events/s",
                saturated.commandsPerSecond(), saturated.commandsPerSecond() / rawInserts, saturated.latencies().millis(99),
                paced.freshness().millis(99), looked.latencies().millis(99), rebuild.eventsPerSecond());
        return round;
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
