package org.socialmedia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every figure as the median of its rounds with min and max beside it, and the target it has, if
 * any, with whether it is met, as Markdown and as JSON.
 */
final class Report {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();
    /** The targets, where a figure has one: what is compared (median or worst round) is part of the target. */
    private static final Map<String, Target> TARGETS = new LinkedHashMap<>();

    static {
        LABELS.put("commands_per_s", "command throughput (commands/s)");
        LABELS.put("command_p50_ms", "command latency p50 (ms)");
        LABELS.put("command_p99_ms", "command latency p99 (ms)");
        LABELS.put("command_failures", "commands not answered 2xx");
        LABELS.put("raw_appends_per_s", "raw MongoDB inserts (docs/s)");
        LABELS.put("append_ratio", "commands/s ÷ raw inserts/s");
        LABELS.put("raw_kafka_records_per_s", "raw Kafka producer (records/s)");
        LABELS.put("hot_post_commands_per_s", "viral post: commands/s, all clients on one post");
        LABELS.put("hot_post_ratio", "viral post: its commands/s ÷ spread commands/s");
        LABELS.put("hot_post_p50_ms", "viral post: command latency p50 (ms)");
        LABELS.put("hot_post_p99_ms", "viral post: command latency p99 (ms)");
        LABELS.put("hot_post_failures", "viral post: commands not answered 2xx");
        LABELS.put("hot_post_like_share", "viral post: likes among its commands (rest comments)");
        LABELS.put("lag_p50_ms", "freshness p50 at half throughput (ms)");
        LABELS.put("lag_p99_ms", "freshness p99 at half throughput (ms)");
        LABELS.put("lag_topic_p50_ms", "freshness p50: answer to topic only (ms)");
        LABELS.put("lag_topic_p99_ms", "freshness p99: answer to topic only (ms)");
        LABELS.put("lookups_per_s", "lookups, by id and feed pages (requests/s)");
        LABELS.put("lookup_p99_ms", "lookups, by id and feed pages: p99 (ms)");
        LABELS.put("lookups_by_id_16_per_s", "lookups by id, quiet, 16 clients (requests/s)");
        LABELS.put("lookup_by_id_16_p50_ms", "lookups by id, quiet, 16 clients: p50 (ms)");
        LABELS.put("lookup_by_id_16_p99_ms", "lookups by id, quiet, 16 clients: p99 (ms)");
        LABELS.put("lookups_by_id_32_per_s", "lookups by id, quiet, 32 clients (requests/s)");
        LABELS.put("lookup_by_id_32_p50_ms", "lookups by id, quiet, 32 clients: p50 (ms)");
        LABELS.put("lookup_by_id_32_p99_ms", "lookups by id, quiet, 32 clients: p99 (ms)");
        LABELS.put("backlog_events_at_start", "backlog: events not yet applied when the lookups began");
        LABELS.put("backlog_events_at_end", "backlog: events not yet applied when the lookups ended");
        LABELS.put("backlog_drain_s", "backlog: applied in (s)");
        LABELS.put("lookups_during_backlog", "lookups by id during the backlog: how many were measured");
        LABELS.put("lookups_during_backlog_per_s", "lookups by id during the backlog, 32 clients (requests/s)");
        LABELS.put("lookup_during_backlog_p50_ms", "lookups by id during the backlog, 32 clients: p50 (ms)");
        LABELS.put("lookup_during_backlog_p99_ms", "lookups by id during the backlog, 32 clients: p99 (ms)");
        LABELS.put("lookup_during_backlog_failures", "lookups by id during the backlog: not answered 2xx");
        LABELS.put("rebuild_events_per_s", "rebuild by replay (events/s)");
        LABELS.put("long_history_p50_ms", "command p50 on a post with %,d events (ms)");
        LABELS.put("fresh_post_p50_ms", "command p50 on a fresh post (ms)");
        LABELS.put("cmd_heap_used_max_mb", "post-cmd heap in use after the load (MB)");
        LABELS.put("query_heap_used_max_mb", "post-query heap in use after the load (MB)");
        LABELS.put("jit_compiler_threads_busy", "JIT compiler threads busy during the round, on average (all three JVMs)");

        TARGETS.put("hot_post_ratio", new Target("≥ 0.80 (median)", spread -> spread.median() >= 0.8));
        TARGETS.put("hot_post_failures", new Target("0 in every round", spread -> spread.max() == 0));
        TARGETS.put("lag_p99_ms", new Target("< 50 in every round (max)", spread -> spread.max() < 50));
        TARGETS.put("lookup_by_id_16_p99_ms", new Target("< 20 (median)", spread -> spread.median() < 20));
        TARGETS.put("lookup_by_id_32_p99_ms", new Target("< 20 (median)", spread -> spread.median() < 20));
        TARGETS.put("lookup_during_backlog_p99_ms", new Target("< 20 (median)", spread -> spread.median() < 20));
    }

    /** A target as the table states it, and whether the rounds' figures meet it. */
    record Target(String text, Predicate<Spread> test) {

        boolean metBy(Spread spread) {
            return !spread.values().isEmpty() && test.test(spread);
        }
    }

    private final List<Round> rounds = new ArrayList<>();
    private int usersWithTokens;
    private String rateLimit = "unknown";

    void add(Round round) {
        rounds.add(round);
    }

    /** How the commands were authenticated: the distinct users with a bearer token each, and post-cmd's rate limit. */
    Report identity(int users, String rateLimitSetting) {
        this.usersWithTokens = users;
        this.rateLimit = rateLimitSetting;
        return this;
    }

    record Spread(double median, double min, double max, List<Double> values) {
    }

    Spread spread(String figure) {
        double[] values = rounds.stream()
                .map(round -> round.figures().get(figure))
                // NaN is a figure a round could not measure (a backlog never drained, a heap without metrics): no value.
                .filter(value -> value != null && !value.isNaN())
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        if (values.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, List.of());
        }
        double median = values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        return new Spread(median, values[0], values[values.length - 1], Arrays.stream(values).boxed().toList());
    }

    String markdown(boolean consistent, String machine, BenchOptions options) {
        StringBuilder table = new StringBuilder();
        table.append("Machine: ").append(machine).append(", ").append(rounds.size()).append(" rounds\n");
        table.append(String.format(Locale.ROOT, "Commands with bearer tokens of %,d distinct users, minted before the timed phases;"
                + " per-user rate limit %s%n%n", usersWithTokens, rateLimit));
        table.append("| figure | median | min | max | target |\n| --- | ---: | ---: | ---: | --- |\n");
        LABELS.forEach((key, label) -> {
            Spread spread = spread(key);
            if (!spread.values().isEmpty()) {
                table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", String.format(Locale.ROOT, label, options.hotPostEvents()),
                        format(spread.median()), format(spread.min()), format(spread.max()), verdict(key, spread)));
            }
        });
        table.append("| read model equals a fold of the event store | ").append(consistent).append(" | | | true: ")
                .append(consistent ? "met" : "NOT MET").append(" |\n");
        return table.toString();
    }

    void writeJson(Path file, boolean consistent, String machine, BenchOptions options) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        LABELS.keySet().forEach(key -> root.put(key, spread(key).median()));
        // The freshness target holds for every round, so its worst round is a figure of its own.
        root.put("lag_p99_ms_max", spread("lag_p99_ms").max());
        root.put("consistent", consistent);
        ObjectNode figures = root.putObject("figures");
        LABELS.keySet().forEach(key -> {
            Spread spread = spread(key);
            ObjectNode figure = figures.putObject(key);
            figure.put("median", spread.median());
            figure.put("min", spread.min());
            figure.put("max", spread.max());
            spread.values().forEach(figure.putArray("rounds")::add);
            Target target = TARGETS.get(key);
            if (target != null) {
                figure.put("target", target.text());
                figure.put("target_met", target.metBy(spread));
            }
        });
        root.put("machine", machine);
        root.put("rounds", rounds.size());
        root.put("clients", options.clients());
        root.put("posts", options.posts());
        root.put("load_seconds", options.loadDuration().toSeconds());
        root.put("quick", options.quick());
        root.put("users_with_tokens", usersWithTokens);
        root.put("rate_limit", rateLimit);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static String verdict(String figure, Spread spread) {
        Target target = TARGETS.get(figure);
        if (target == null) {
            return "";
        }
        return target.text() + ": " + (target.metBy(spread) ? "met" : "NOT MET");
    }

    private static String format(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
