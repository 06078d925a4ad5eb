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
 * load, the same load on one viral post, freshness at half that load, lookups (mixed, then by id
 * at 16 and 32 clients while all is quiet), a long history's cost, lookups by id while the
 * projection applies a backlog, and a rebuild by replay; finally
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
        // hot post's likes and every round's samples, and more than a round's viral post can take
        // (each round likes a new one), so that each like is a new one.
        int userCount = Math.max(options.hotPostEvents() + 1000, ViralPost.usersNeeded(options.loadDuration()));
        log("minting tokens for %,d users at %s", userCount, target.authUrl());
        long mintStart = System.nanoTime();
        BenchUsers users = BenchUsers.mint(target.authUrl(), userCount, options.clients());
        log("  %,d tokens in %d ms; per-user rate limit: %s", users.size(), (System.nanoTime() - mintStart) / 1_000_000, rateLimit);
        // Connections enough for every client of a phase, the viral post's and the freshness probes beside them.
        BlockingTransport transport = new BlockingTransport(4 * options.clients() + 16);
        CommandApi commands = new CommandApi(target.commandUrl(), users, transport);
        LookupApi lookups = new LookupApi(target.queryUrl(), transport);
        SocialLoad social = new SocialLoad(commands, lookups, users, options.clients());
        HotPost hotPost = new HotPost(commands, users, options.clients());
        ViralPost viralPost = new ViralPost(commands, users, options.clients());
        Report report = new Report().identity(users.size(), rateLimit);
        try (transport;
             EventStoreReader store = new EventStoreReader(target.mongoUri());
             ProjectionBacklog backlog = new ProjectionBacklog(target.kafkaBootstrap(), ProjectionBacklog.PROJECTION_GROUP)) {
            log("seeding %d posts and a post with %d events", options.posts(), options.hotPostEvents());
            // The hot post's likes queue behind each other on one post, leaving most of the
            // machine idle: the seeding and the warm-up run beside them.
            CompletableFuture<Void> hotPostReady = CompletableFuture.runAsync(() -> hotPost.prepare(options.hotPostEvents()));
            social.seed(options.posts());
            warmUp(options, lookups, social);
            hotPostReady.join();
            Phases phases = new Phases(options, target, commands, lookups, social, hotPost, viralPost, store, backlog);
            warmUpEveryPhase(phases);
            CompilerWatch compilers = new CompilerWatch(target);
            for (int round = 1; round <= options.rounds(); round++) {
                log("round %d of %d", round, options.rounds());
                Round measured = round(phases);
                measured.put("jit_compiler_threads_busy", compilers.busyThreadsSinceLastLook());
                report.add(measured);
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

    /** What every round measures with. */
    private record Phases(BenchOptions options, BenchOptions.Target target, CommandApi commands, LookupApi lookups,
                          SocialLoad social, HotPost hotPost, ViralPost viralPost, EventStoreReader store,
                          ProjectionBacklog backlog) {
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
     * One round of every phase, not measured. The short warm-up before it compiles the command and
     * lookup paths only; the viral post, the paced commands with their version waits, the backlog
     * and the replay run only in a round, and without this the first measured round found their
     * code still being compiled. A Spring service compiles for minutes of load before its code
     * settles, so the rounds report how busy the compilers still were ({@link CompilerWatch}).
     */
    private static void warmUpEveryPhase(Phases phases) throws Exception {
        log("warming up: one round of every phase, not measured");
        round(phases);
    }

    private static Round round(Phases phases) throws Exception {
        BenchOptions options = phases.options();
        BenchOptions.Target target = phases.target();
        SocialLoad social = phases.social();
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

        // Right after the spread commands, with as many clients, so that the two are compared on the same machine state.
        ViralPost.Outcome viral = phases.viralPost().measure(load);
        round.put("hot_post_commands_per_s", viral.commandsPerSecond());
        round.put("hot_post_p50_ms", viral.latencies().millis(50));
        round.put("hot_post_p99_ms", viral.latencies().millis(99));
        round.put("hot_post_failures", viral.failures());
        round.put("hot_post_ratio", viral.commandsPerSecond() / saturated.commandsPerSecond());
        round.put("hot_post_like_share", viral.likeShare());
        if (!viral.everyCommandStoredAnEvent()) {
            log("  WARNING: on the viral post, not every accepted command stored an event");
        }

        SocialLoad.Outcome paced;
        try (TopicArrivals arrivals = TopicArrivals.watch(target.kafkaBootstrap())) {
            paced = social.paced(load, saturated.commandsPerSecond() / 2, arrivals);
        }
        round.put("lag_p50_ms", paced.freshness().millis(50));
        round.put("lag_p99_ms", paced.freshness().millis(99));
        round.put("lag_topic_p50_ms", paced.toTopic().millis(50));
        round.put("lag_topic_p99_ms", paced.toTopic().millis(99));

        LookupLoad.Outcome looked = new LookupLoad(phases.lookups(), options.clients()).run(social.posts(), load);
        round.put("lookups_per_s", looked.lookupsPerSecond());
        round.put("lookup_p99_ms", looked.latencies().millis(99));

        // Quiet: nothing else runs, and the projection has nothing left to apply.
        awaitQuietProjection(phases.backlog());
        for (int clients : new int[] {16, 32}) {
            LookupLoad.Outcome byId = new LookupLoad(phases.lookups(), clients).byId(social.posts(), options.lookupByIdDuration(), () -> false);
            round.put("lookups_by_id_" + clients + "_per_s", byId.lookupsPerSecond());
            round.put("lookup_by_id_" + clients + "_p50_ms", byId.latencies().millis(50));
            round.put("lookup_by_id_" + clients + "_p99_ms", byId.latencies().millis(99));
        }

        HotPost.Outcome history = phases.hotPost().measure(100);
        round.put("long_history_p50_ms", history.hotP50Millis());
        round.put("fresh_post_p50_ms", history.freshP50Millis());

        awaitQuietProjection(phases.backlog());
        LookupsDuringBacklog.Outcome duringBacklog = new LookupsDuringBacklog(social, new LookupLoad(phases.lookups(), 32),
                phases.backlog(), target).run(social.posts(), options.quick() ? Duration.ofSeconds(3) : LookupsDuringBacklog.LONGEST_HOLD,
                options.quick() ? Duration.ofSeconds(10) : Duration.ofSeconds(30));
        round.put("backlog_events_at_start", duringBacklog.backlogAtStart());
        round.put("backlog_events_at_end", duringBacklog.backlogAtEnd());
        round.put("backlog_drain_s", duringBacklog.drainSeconds());
        round.put("lookups_during_backlog_per_s", duringBacklog.lookups().lookupsPerSecond());
        // A backlog applied in a fraction of a second leaves few lookups to take a p99 of: the count says how far to trust it.
        round.put("lookups_during_backlog", duringBacklog.lookups().latencies().count());
        round.put("lookup_during_backlog_p50_ms", duringBacklog.lookups().latencies().millis(50));
        round.put("lookup_during_backlog_p99_ms", duringBacklog.lookups().latencies().millis(99));
        round.put("lookup_during_backlog_failures", duringBacklog.lookups().failures());

        round.put("cmd_heap_used_max_mb", HeapWatch.heapUsedMegabytes(target.commandManagementUrl()));
        round.put("query_heap_used_max_mb", HeapWatch.heapUsedMegabytes(target.queryManagementUrl()));

        // A rebuild wipes the read tables: the backlog must be applied first, or its events would find no post.
        awaitQuietProjection(phases.backlog());
        Rebuild.Outcome rebuild = new Rebuild(phases.commands(), phases.store(), target).run();
        round.put("rebuild_events_per_s", rebuild.eventsPerSecond());
        log("  %,.0f commands/s (%.2f of raw inserts), p99 %.1f ms; viral post %,.0f commands/s (ratio %.2f), p99 %.1f ms;"
                        + " freshness p99 %.1f ms; lookups p99 %.1f ms, by id p99 %.1f ms (16), %.1f ms (32);"
                        + " backlog %,d events drained in %.2f s, lookups p99 %.1f ms meanwhile; rebuild %,.0f events/s",
                saturated.commandsPerSecond(), saturated.commandsPerSecond() / rawInserts, saturated.latencies().millis(99),
                viral.commandsPerSecond(), viral.commandsPerSecond() / saturated.commandsPerSecond(), viral.latencies().millis(99),
                paced.freshness().millis(99), looked.latencies().millis(99), round.figures().get("lookup_by_id_16_p99_ms"),
                round.figures().get("lookup_by_id_32_p99_ms"), duringBacklog.backlogAtStart(), duringBacklog.drainSeconds(),
                duringBacklog.lookups().latencies().millis(99), rebuild.eventsPerSecond());
        return round;
    }

    private static void awaitQuietProjection(ProjectionBacklog backlog) throws InterruptedException {
        if (!backlog.awaitEmpty(Duration.ofSeconds(60))) {
            log("  WARNING: the projection still had %,d events to apply after 60 s", backlog.events());
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
