package org.socialmedia.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.socialmedia.devstack.LocalStack;
import org.socialmedia.devstack.StackSettings;

/**
 * The pair started here on embedded infrastructure, with its identity provider, on free ports and
 * in a folder of its own, with the services' JVMs as in production (full JIT, G1 aiming at 20 ms
 * pauses as the Dockerfiles set it) and held to -Xmx512m each. post-cmd's per-user rate limit is
 * off: the benchmark measures throughput, which a limit meant for people would cap. Its calls to
 * the MongoDB-wire server may take longer than in production (see {@link #FOR_THE_STAND_IN}).
 */
final class LocalPair implements AutoCloseable {

    private static final List<String> SERVICE_JVM = List.of("-Xms512m", "-Xmx512m", "-XX:MaxGCPauseMillis=20");
    /** The switch of post-cmd's rate limit, as a deployment sets it. */
    static final Map<String, String> WITHOUT_RATE_LIMITS = Map.of("APP_SECURITY_RATE_LIMIT_ENABLED", "false");
    /**
     * The MongoDB-wire server reads and sorts the whole store before it returns a replay's first
     * batch (a real MongoDB walks the (aggregateId, version) index and streams): with a full run's
     * store (over 100,000 events by the second round) that took longer than post-cmd's 2 s per
     * call, and the rebuild was refused with 503 every time.
     */
    private static final Map<String, String> FOR_THE_STAND_IN = Map.of("APP_EVENT_STORE_OPERATION_TIMEOUT", "30s");

    private final LocalStack stack;

    private LocalPair(LocalStack stack) {
        this.stack = stack;
    }

    static LocalPair start(Path dataDir) {
        StackSettings settings = StackSettings.onFreePorts(dataDir).withJvmOptions(SERVICE_JVM).withEnvironment(environment())
                .withoutWebApp();
        return new LocalPair(LocalStack.start(settings, message -> BenchmarkMain.log("%s", message)));
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>(WITHOUT_RATE_LIMITS);
        environment.putAll(FOR_THE_STAND_IN);
        return environment;
    }

    BenchOptions.Target target() {
        return new BenchOptions.Target(stack.commandServiceUrl(), stack.queryServiceUrl(), stack.mongoConnectionString(),
                stack.postgresJdbcUrl(), stack.postgresUsername(), stack.postgresPassword(), stack.kafkaBootstrapServers(),
                stack.issuerUrl(), stack.commandServiceManagementUrl(), stack.queryServiceManagementUrl());
    }

    @Override
    public void close() {
        stack.close();
    }
}
