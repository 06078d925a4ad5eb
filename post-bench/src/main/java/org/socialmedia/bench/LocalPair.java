package org.socialmedia.bench;

import java.nio.file.Path;
import java.util.List;

import org.socialmedia.devstack.LocalStack;
import org.socialmedia.devstack.StackSettings;

/**
 * The pair started here on embedded infrastructure, on free ports and in a folder of its own,
 * with the services' JVMs as in production (full JIT, G1 aiming at 20 ms pauses as the
 * Dockerfiles set it) and held to -Xmx512m each.
 */
final class LocalPair implements AutoCloseable {

    private static final List<String> SERVICE_JVM = List.of("-Xms512m", "-Xmx512m", "-XX:MaxGCPauseMillis=20");

    private final LocalStack stack;

    private LocalPair(LocalStack stack) {
        this.stack = stack;
    }

    static LocalPair start(Path dataDir) {
        StackSettings settings = StackSettings.onFreePorts(dataDir).withJvmOptions(SERVICE_JVM);
        return new LocalPair(LocalStack.start(new StackSettings(settings.repositoryRoot(), settings.dataDir(), settings.ports(),
                true, settings.jvmOptions(), settings.environment()), message -> BenchmarkMain.log("%s", message)));
    }

    BenchOptions.Target target() {
        return new BenchOptions.Target(stack.commandServiceUrl(), stack.queryServiceUrl(), stack.mongoConnectionString(),
                stack.postgresJdbcUrl(), stack.postgresUsername(), stack.postgresPassword(), stack.kafkaBootstrapServers());
    }

    @Override
    public void close() {
        stack.close();
    }
}
