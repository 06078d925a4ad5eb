package org.socialmedia.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link LocalStack} needs to start.
 *
 * @param repositoryRoot where {@code post-cmd/target} and {@code post-query/target} hold the services' jars
 * @param dataDir        the one folder for the event store, the Kafka log, the read database and the logs
 * @param ports          the ports; 0 chooses a free one
 * @param fresh          whether to wipe {@code dataDir} first
 * @param jvmOptions     options for the services' JVMs
 * @param environment    extra environment for both services, for example {@code APP_LOOKUP_MIN_VERSION_TIMEOUT}
 * @param webApp         whether to start the social app too; tests and benchmarks of the services alone leave it out
 */
public record StackSettings(Path repositoryRoot, Path dataDir, StackPorts ports, boolean fresh,
                            List<String> jvmOptions, Map<String, String> environment, boolean webApp) {

    /**
     * Small heaps and the client compiler: the two services then start in a few seconds on a
     * laptop or a 2-core machine. A benchmark should pass its own options.
     */
    public static final List<String> QUICK_START_JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:TieredStopAtLevel=1");

    public StackSettings {
        repositoryRoot = repositoryRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }

    /**
     * A stack on free ports, started from an empty {@code dataDir}, for tests and benchmarks: the
     * repository is found from the working directory (a module's folder under Maven).
     */
    public static StackSettings onFreePorts(Path dataDir) {
        return new StackSettings(RepositoryRoot.find(Path.of("")), dataDir, StackPorts.anyFree(), true,
                QUICK_START_JVM_OPTIONS, Map.of(), true);
    }

    public StackSettings withEnvironment(Map<String, String> extra) {
        return new StackSettings(repositoryRoot, dataDir, ports, fresh, jvmOptions, extra, webApp);
    }

    public StackSettings withJvmOptions(List<String> options) {
        return new StackSettings(repositoryRoot, dataDir, ports, fresh, options, environment, webApp);
    }

    /** The identity provider and the two services without the social app, which nothing here would open. */
    public StackSettings withoutWebApp() {
        return new StackSettings(repositoryRoot, dataDir, ports, fresh, jvmOptions, environment, false);
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }
}
