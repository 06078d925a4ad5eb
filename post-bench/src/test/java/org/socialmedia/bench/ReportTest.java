package org.socialmedia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportTest {

    private static final BenchOptions OPTIONS = BenchOptions.parse(new String[] {"--quick", "--rounds=3", "--hot-events=3000"});

    @SafeVarargs
    private static Report reportOf(Map<String, Double>... rounds) {
        Report report = new Report();
        for (Map<String, Double> figures : rounds) {
            Round round = new Round();
            figures.forEach(round::put);
            report.add(round);
        }
        return report;
    }

    private static Report threeRounds() {
        return reportOf(
                Map.of("commands_per_s", 900.0, "command_p99_ms", 12.5, "long_history_p50_ms", 3.0),
                Map.of("commands_per_s", 1100.0, "command_p99_ms", 9.0, "long_history_p50_ms", 2.0),
                Map.of("commands_per_s", 1000.0, "command_p99_ms", 30.0, "long_history_p50_ms", 4.0));
    }

    @Test
    void aFigureIsTheMedianOfItsRoundsWithItsSpread() {
        Report.Spread spread = threeRounds().spread("command_p99_ms");

        assertThat(spread.median()).isEqualTo(12.5);
        assertThat(spread.min()).isEqualTo(9.0);
        assertThat(spread.max()).isEqualTo(30.0);
        assertThat(spread.values()).containsExactly(9.0, 12.5, 30.0);
    }

    @Test
    void theMedianOfAnEvenNumberOfRoundsIsTheMeanOfTheMiddleTwo() {
        Report report = reportOf(Map.of("lookups_per_s", 1.0), Map.of("lookups_per_s", 4.0),
                Map.of("lookups_per_s", 2.0), Map.of("lookups_per_s", 10.0));

        assertThat(report.spread("lookups_per_s").median()).isEqualTo(3.0);
    }

    @Test
    void aFigureNoRoundMeasuredHasNoValue() {
        Report.Spread spread = threeRounds().spread("rebuild_events_per_s");

        assertThat(spread.median()).isNaN();
        assertThat(spread.values()).isEmpty();
    }

    @Test
    void theMarkdownTableListsTheMeasuredFiguresAndTheConsistency() {
        String table = threeRounds().identity(4000, "off").markdown(true, "2 cores, Linux, Java 17", OPTIONS);

        assertThat(table).startsWith("Machine: 2 cores, Linux, Java 17, 3 rounds\n"
                + "Commands with bearer tokens of 4,000 distinct users, minted before the timed phases; per-user rate limit off\n");
        assertThat(table).contains("| command throughput (commands/s) | 1,000 | 900 | 1,100 |  |\n");
        assertThat(table).contains("| command latency p99 (ms) | 12.50 | 9.00 | 30.00 |  |\n");
        assertThat(table).contains("| command p50 on a post with 3,000 events (ms) | 3.00 | 2.00 | 4.00 |  |\n");
        assertThat(table).doesNotContain("rebuild by replay");
        assertThat(table).endsWith("| read model equals a fold of the event store | true | | | true: met |\n");
    }

    private static Report roundsAgainstTheTargets() {
        return reportOf(
                Map.of("hot_post_ratio", 0.9, "lag_p99_ms", 12.0, "lookup_by_id_32_p99_ms", 15.0, "lookup_during_backlog_p99_ms", 25.0,
                        "hot_post_failures", 0.0),
                Map.of("hot_post_ratio", 0.7, "lag_p99_ms", 55.0, "lookup_by_id_32_p99_ms", 30.0, "lookup_during_backlog_p99_ms", 19.0,
                        "hot_post_failures", 0.0),
                Map.of("hot_post_ratio", 0.85, "lag_p99_ms", 20.0, "lookup_by_id_32_p99_ms", 18.0, "lookup_during_backlog_p99_ms", 24.0,
                        "hot_post_failures", 2.0));
    }

    @Test
    void theTableShowsEachTargetBesideItsFigureAndWhetherTheRoundsMeetIt() {
        String table = roundsAgainstTheTargets().markdown(true, "2 cores", OPTIONS);

        assertThat(table).contains("| figure | median | min | max | target |\n");
        assertThat(table).as("the median round meets it").contains(
                "| viral post: its commands/s ÷ spread commands/s | 0.85 | 0.70 | 0.90 | ≥ 0.80 (median): met |\n");
        assertThat(table).as("freshness counts its worst round, not its median").contains(
                "| freshness p99 at half throughput (ms) | 20.00 | 12.00 | 55.00 | < 50 in every round (max): NOT MET |\n");
        assertThat(table).contains("| lookups by id, quiet, 32 clients: p99 (ms) | 18.00 | 15.00 | 30.00 | < 20 (median): met |\n");
        assertThat(table).contains(
                "| lookups by id during the backlog, 32 clients: p99 (ms) | 24.00 | 19.00 | 25.00 | < 20 (median): NOT MET |\n");
        assertThat(table).contains("| viral post: commands not answered 2xx | 0.00 | 0.00 | 2.00 | 0 in every round: NOT MET |\n");
    }

    @Test
    void aRoundThatCouldNotMeasureAFigureLeavesItOut() {
        Report report = reportOf(Map.of("backlog_drain_s", 1.5), Map.of("backlog_drain_s", Double.NaN), Map.of("backlog_drain_s", 2.5));

        assertThat(report.spread("backlog_drain_s").values()).containsExactly(1.5, 2.5);
        assertThat(report.spread("backlog_drain_s").median()).isEqualTo(2.0);
    }

    @Test
    void resultJsonGivesEachTargetAndWhetherItIsMet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("result.json");

        roundsAgainstTheTargets().writeJson(file, true, "2 cores", OPTIONS);

        JsonNode result = JsonMapper.builder().build().readTree(Files.readString(file));
        JsonNode figures = result.get("figures");
        assertThat(figures.get("hot_post_ratio").get("target").asString()).isEqualTo("≥ 0.80 (median)");
        assertThat(figures.get("hot_post_ratio").get("target_met").asBoolean()).isTrue();
        assertThat(figures.get("lag_p99_ms").get("max").asDouble()).isEqualTo(55.0);
        assertThat(result.get("lag_p99_ms_max").asDouble()).isEqualTo(55.0);
        assertThat(result.get("lag_p99_ms").asDouble()).isEqualTo(20.0);
        assertThat(figures.get("lag_p99_ms").get("target_met").asBoolean()).isFalse();
        assertThat(figures.get("lookup_during_backlog_p99_ms").get("target_met").asBoolean()).isFalse();
        assertThat(figures.get("commands_per_s").has("target")).as("no target for it").isFalse();
    }

    @Test
    void resultJsonHoldsEveryFigureWithItsRoundsAndTheRunsSettings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench").resolve("result.json");

        threeRounds().identity(4000, "off").writeJson(file, false, "2 cores", OPTIONS);

        JsonNode result = JsonMapper.builder().build().readTree(Files.readString(file));
        assertThat(result.get("commands_per_s").asDouble()).isEqualTo(1000.0);
        assertThat(result.get("consistent").asBoolean()).isFalse();
        JsonNode throughput = result.get("figures").get("commands_per_s");
        assertThat(throughput.get("min").asDouble()).isEqualTo(900.0);
        assertThat(throughput.get("max").asDouble()).isEqualTo(1100.0);
        assertThat(throughput.get("rounds")).extracting(JsonNode::asDouble).containsExactly(900.0, 1000.0, 1100.0);
        assertThat(result.get("figures").get("rebuild_events_per_s").get("rounds")).isEmpty();
        assertThat(result.get("machine").asString()).isEqualTo("2 cores");
        assertThat(result.get("rounds").asInt()).isEqualTo(3);
        assertThat(result.get("clients").asInt()).isEqualTo(OPTIONS.clients());
        assertThat(result.get("posts").asInt()).isEqualTo(300);
        assertThat(result.get("load_seconds").asLong()).isEqualTo(5);
        assertThat(result.get("quick").asBoolean()).isTrue();
        assertThat(result.get("users_with_tokens").asInt()).isEqualTo(4000);
        assertThat(result.get("rate_limit").asString()).isEqualTo("off");
    }
}
