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

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Every figure as the median of its rounds with min and max beside it, as Markdown and as JSON. */
final class Report {

    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("commands_per_s", "command throughput (commands/s)");
        LABELS.put("command_p50_ms", "command latency p50 (ms)");
        LABELS.put("command_p99_ms", "command latency p99 (ms)");
        LABELS.put("command_failures", "commands not answered 2xx");
        LABELS.put("raw_appends_per_s", "raw MongoDB inserts (docs/s)");
        LABELS.put("append_ratio", "commands/s ÷ raw inserts/s");
        LABELS.put("raw_kafka_records_per_s", "raw Kafka producer (records/s)");
        LABELS.put("lag_p50_ms", "freshness p50 at half throughput (ms)");
        LABELS.put("lag_p99_ms", "freshness p99 at half throughput (ms)");
        LABELS.put("lookups_per_s", "lookups (requests/s)");
        LABELS.put("lookup_p99_ms", "lookup latency p99 (ms)");
        LABELS.put("rebuild_events_per_s", "rebuild by replay (events/s)");
        LABELS.put("hot_post_p50_ms", "command p50 on a post with %,d events (ms)");
        LABELS.put("fresh_post_p50_ms", "command p50 on a fresh post (ms)");
        LABELS.put("cmd_heap_used_max_mb", "post-cmd heap in use after the load (MB)");
        LABELS.put("query_heap_used_max_mb", "post-query heap in use after the load (MB)");
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
                .filter(value -> value != null)
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
        table.append("| figure | median | min | max |\n| --- | ---: | ---: | ---: |\n");
        LABELS.forEach((key, label) -> {
            Spread spread = spread(key);
            if (!spread.values().isEmpty()) {
                table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", String.format(Locale.ROOT, label, options.hotPostEvents()),
                        format(spread.median()), format(spread.min()), format(spread.max())));
            }
        });
        table.append("| read model equals a fold of the event store | ").append(consistent).append(" | | |\n");
        return table.toString();
    }

    void writeJson(Path file, boolean consistent, String machine, BenchOptions options) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode root = json.createObjectNode();
        LABELS.keySet().forEach(key -> root.put(key, spread(key).median()));
        root.put("consistent", consistent);
        ObjectNode figures = root.putObject("figures");
        LABELS.keySet().forEach(key -> {
            Spread spread = spread(key);
            ObjectNode figure = figures.putObject(key);
            figure.put("median", spread.median());
            figure.put("min", spread.min());
            figure.put("max", spread.max());
            spread.values().forEach(figure.putArray("rounds")::add);
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

    private static String format(double value) {
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
