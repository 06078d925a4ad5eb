package org.socialmedia.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The devstack's command line. Each option can also be set as an environment variable
 * ({@code --kafka-port} is {@code DEVSTACK_KAFKA_PORT}); the command line wins.
 */
record DevStackOptions(boolean help, boolean fresh, Path dataDir, StackPorts ports) {

    /** Option name → what it sets, in the order the help lists them. */
    static final Map<String, String> PORT_OPTIONS = portOptions();

    static final String USAGE = """
            Usage: ./devstack [options]      (or java -jar post-devstack/target/post-devstack-<version>-exec.jar)
                   ./devstack token USER [--auth-port=PORT]
                   ./devstack mint NAME [--auth-port=PORT]

            Starts Kafka, PostgreSQL and a MongoDB-wire server, then the identity provider,
            post-cmd, post-query and the social app, and stops everything on Ctrl-C. Data (and the key that signs
            the tokens) is kept in the data folder between runs.

              --fresh                        start from empty: wipe the data folder first
              --data-dir=DIR                 the data folder (default: .devstack in the repository)
              --web-port=PORT                the social app's port, open http://localhost:PORT (default 3000)
              --cmd-port=PORT                post-cmd's HTTP port (default 8081)
              --query-port=PORT              post-query's HTTP port (default 8082)
              --auth-port=PORT               the identity provider's port, its issuer http://localhost:PORT (default 9000)
              --cmd-management-port=PORT     post-cmd's management port: metrics, health (default 8091)
              --query-management-port=PORT   post-query's management port (default 8092)
              --kafka-port=PORT              Kafka's port (default 9092)
              --postgres-port=PORT           PostgreSQL's port (default 5432)
              --mongo-port=PORT              the MongoDB-wire server's port (default 27017)
              --help                         this text

            With a devstack running, in another terminal:
              ./devstack token alice         prints a bearer token of a known user (alice, bob, carol,
                                             dave, or admin, who holds posts.admin)
              ./devstack mint NAME           prints a bearer token of any user name (letters, digits, . _ -)
            for example: curl -H "Authorization: Bearer $(./devstack token alice)" ...

            Every option can also be given as an environment variable: --kafka-port=19092 is
            DEVSTACK_KAFKA_PORT=19092, --fresh is DEVSTACK_FRESH=true.
            """;

    private static Map<String, String> portOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("web-port", "the social app (" + LocalStack.WEB_APP + ")");
        options.put("cmd-port", LocalStack.COMMAND_SERVICE);
        options.put("query-port", LocalStack.QUERY_SERVICE);
        options.put("auth-port", "the identity provider");
        options.put("cmd-management-port", LocalStack.COMMAND_SERVICE + "'s management port");
        options.put("query-management-port", LocalStack.QUERY_SERVICE + "'s management port");
        options.put("kafka-port", "Kafka");
        options.put("postgres-port", "PostgreSQL");
        options.put("mongo-port", "the MongoDB-wire server");
        return options;
    }

    static DevStackOptions parse(List<String> args, Function<String, String> environment, Path repositoryRoot) {
        Map<String, String> given = new LinkedHashMap<>();
        List<String> options = new ArrayList<>(List.of("fresh", "data-dir"));
        options.addAll(PORT_OPTIONS.keySet());
        for (String option : options) {
            String value = environment.apply(environmentVariable(option));
            if (value != null && !value.isBlank()) {
                given.put(option, value.trim());
            }
        }
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--fresh")) {
                given.put("fresh", "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                given.put(known(arg.substring(2, arg.indexOf('='))), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--") && i + 1 < args.size()) {
                given.put(known(arg.substring(2)), args.get(++i));
            } else {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        Path dataDir = given.containsKey("data-dir") ? Path.of(given.get("data-dir")) : repositoryRoot.resolve(".devstack");
        StackPorts defaults = StackPorts.defaults();
        StackPorts ports = new StackPorts(
                port(given, "cmd-port", defaults.commandService()),
                port(given, "query-port", defaults.queryService()),
                port(given, "kafka-port", defaults.kafka()),
                port(given, "postgres-port", defaults.postgres()),
                port(given, "mongo-port", defaults.mongo()),
                port(given, "auth-port", defaults.auth()),
                port(given, "cmd-management-port", defaults.commandServiceManagement()),
                port(given, "query-management-port", defaults.queryServiceManagement()),
                port(given, "web-port", defaults.web()));
        return new DevStackOptions(help, Boolean.parseBoolean(given.getOrDefault("fresh", "false")), dataDir, ports);
    }

    static String environmentVariable(String option) {
        return "DEVSTACK_" + option.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String known(String option) {
        if (!option.equals("data-dir") && !PORT_OPTIONS.containsKey(option)) {
            throw new IllegalArgumentException("unknown option: --" + option);
        }
        return option;
    }

    private static int port(Map<String, String> given, String option, int defaultPort) {
        String value = given.get(option);
        if (value == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + option + " must be a port number (1..65535), not " + value);
    }
}
