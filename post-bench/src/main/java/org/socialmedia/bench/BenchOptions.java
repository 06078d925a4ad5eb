package org.socialmedia.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What to run and against what. Every option is {@code --name=value}; without URLs the benchmark
 * starts the whole pair itself on embedded infrastructure.
 */
record BenchOptions(
        boolean quick,
        int clients,
        int posts,
        Duration loadDuration,
        int rounds,
        int hotPostEvents,
        Duration lookupByIdDuration,
        Target target) {

    /**
     * Where the pair and its infrastructure are; null fields mean "start them here". The identity
     * provider must mint tokens for any name (a devstack's does); the management URLs, where the
     * heap is read, may be left out.
     */
    record Target(String commandUrl, String queryUrl, String mongoUri, String jdbcUrl, String jdbcUser,
                  String jdbcPassword, String kafkaBootstrap, String authUrl, String commandManagementUrl,
                  String queryManagementUrl) {

        boolean startsItsOwnStack() {
            return commandUrl == null;
        }
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("options look like --name=value, got " + arg);
            }
            String[] pair = arg.substring(2).split("=", 2);
            given.put(pair[0], pair.length == 2 ? pair[1] : "true");
        }
        boolean quick = Boolean.parseBoolean(given.getOrDefault("quick", "false"));
        Target target = new Target(given.get("cmd-url"), given.get("query-url"), given.get("mongo-uri"),
                given.get("jdbc-url"), given.getOrDefault("jdbc-user", "postgres"), given.getOrDefault("jdbc-password", "postgres"),
                given.get("kafka"), given.get("auth-url"), given.get("cmd-management-url"), given.get("query-management-url"));
        if (!target.startsItsOwnStack() && (target.queryUrl() == null || target.mongoUri() == null
                || target.jdbcUrl() == null || target.kafkaBootstrap() == null || target.authUrl() == null)) {
            throw new IllegalArgumentException("with --cmd-url, also give --query-url, --mongo-uri, --jdbc-url, --kafka and --auth-url"
                    + " (an identity provider that mints tokens for any name, as the devstack's does)");
        }
        return new BenchOptions(
                quick,
                Integer.parseInt(given.getOrDefault("clients", "32")),
                Integer.parseInt(given.getOrDefault("posts", quick ? "300" : "1000")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("duration", quick ? "5" : "20"))),
                Integer.parseInt(given.getOrDefault("rounds", "3")),
                Integer.parseInt(given.getOrDefault("hot-events", quick ? "3000" : "10000")),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("lookup-duration", quick ? "2" : "10"))),
                target);
    }
}
