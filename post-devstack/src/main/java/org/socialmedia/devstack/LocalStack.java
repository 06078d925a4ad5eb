package org.socialmedia.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole system on one machine: Kafka and the MongoDB-wire server in this JVM, PostgreSQL as
 * its child process, post-cmd and post-query as child processes from their jars. {@link #start} returns once both
 * services are ready; {@link #close} stops the services, then the infrastructure.
 *
 * <p>The devstack command runs one on the usual ports; end-to-end tests and benchmarks run one on
 * free ports in a temporary folder ({@link StackSettings#onFreePorts}).
 *
 * <p>Fault tests break it on purpose: each piece of infrastructure can be stopped and started
 * again on the same address with the same data, each service can be killed as a crash would
 * end it and started again, and further post-cmd instances can join the same store and topic.
 */
public final class LocalStack implements AutoCloseable {

    public static final String COMMAND_SERVICE = "post-cmd";
    public static final String QUERY_SERVICE = "post-query";

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final StackSettings settings;
    private final StackPorts ports;
    private final ServiceJars jars;
    private final Infrastructure infrastructure;
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");
    private final List<ServiceProcess> extraCommandServices = new ArrayList<>();
    private ServiceProcess commandService;
    private ServiceProcess queryService;
    private boolean closed;

    private LocalStack(StackSettings settings, StackPorts ports, ServiceJars jars, Infrastructure infrastructure) {
        this.settings = settings;
        this.ports = ports;
        this.jars = jars;
        this.infrastructure = infrastructure;
    }

    /** Starts the stack and waits until both services are ready; {@code progress} hears each step. */
    public static LocalStack start(StackSettings settings, Consumer<String> progress) {
        ServiceJars jars = new ServiceJars(settings.repositoryRoot());
        // Fail on a missing jar before anything is started.
        jars.jar(COMMAND_SERVICE);
        jars.jar(QUERY_SERVICE);
        DataDirectory.prepare(settings.dataDir(), settings.fresh());
        StackPorts ports = settings.ports().resolved();

        progress.accept("Starting PostgreSQL, Kafka and the MongoDB-wire server (data in " + settings.dataDir() + ")");
        LocalStack stack = new LocalStack(settings, ports, jars, Infrastructure.start(settings.dataDir(), ports));
        // Child processes would outlive this JVM; the hook also covers a test run that ends abruptly.
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            progress.accept("Starting " + COMMAND_SERVICE + " and " + QUERY_SERVICE + " (logs in " + settings.logDir() + ")");
            stack.commandService = stack.launch(COMMAND_SERVICE, stack.commandServiceEnvironment(), ports.commandService());
            stack.queryService = stack.launch(QUERY_SERVICE, stack.queryServiceEnvironment(), ports.queryService());
            stack.commandService.awaitReady(READY_TIMEOUT);
            stack.queryService.awaitReady(READY_TIMEOUT);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String commandServiceUrl() {
        return "http://localhost:" + ports.commandService();
    }

    public String queryServiceUrl() {
        return "http://localhost:" + ports.queryService();
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    public String mongoConnectionString() {
        return infrastructure.mongoConnectionString();
    }

    public String postgresJdbcUrl() {
        return infrastructure.postgresJdbcUrl();
    }

    public String postgresUsername() {
        return infrastructure.postgresUsername();
    }

    public String postgresPassword() {
        return infrastructure.postgresPassword();
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    public Path logDir() {
        return settings.logDir();
    }

    /**
     * Stops post-query, as an operator does before wiping its database; the infrastructure and
     * post-cmd keep running.
     */
    public synchronized void stopQueryService() {
        queryService.stop(STOP_GRACE);
    }

    /** Starts post-query again (its log file starts over) and waits until it is ready. */
    public synchronized void startQueryService() {
        queryService.stop(STOP_GRACE);
        queryService = launch(QUERY_SERVICE, queryServiceEnvironment(), ports.queryService());
        queryService.awaitReady(READY_TIMEOUT);
    }

    /** Kills post-query at once (no graceful shutdown: its consumer commits nothing more), as a crash would. */
    public synchronized void killQueryService() {
        queryService.kill();
    }

    /** Kills post-cmd at once (no graceful shutdown: what it has not published stays unpublished), as a crash would. */
    public synchronized void killCommandService() {
        commandService.kill();
    }

    /** Starts post-cmd again on its port (its log file starts over) and waits until it is ready. */
    public synchronized void startCommandService() {
        commandService.stop(STOP_GRACE);
        commandService = launch(COMMAND_SERVICE, commandServiceEnvironment(), ports.commandService());
        commandService.awaitReady(READY_TIMEOUT);
    }

    /**
     * Starts one more post-cmd instance on a free port, on the same event store and topic, and
     * waits until it is ready; it is stopped with the stack. Its log is {@code post-cmd-N.log}.
     *
     * @return its base URL
     */
    public synchronized String startExtraCommandService() {
        int port = FreePort.find();
        String logName = COMMAND_SERVICE + "-" + (extraCommandServices.size() + 2);
        ServiceProcess extra = ServiceProcess.launch(COMMAND_SERVICE, jars.jar(COMMAND_SERVICE), port, commandServiceEnvironment(),
                settings.jvmOptions(), settings.logDir().resolve(logName + ".log"));
        extraCommandServices.add(extra);
        extra.awaitReady(READY_TIMEOUT);
        return extra.url();
    }

    /** Stops the Kafka broker: both services lose it until {@link #startKafka}. */
    public void stopKafka() {
        infrastructure.stopKafka();
    }

    /** Starts the broker again on the same address, with the topics and records it had. */
    public void startKafka() {
        infrastructure.startKafka();
    }

    /** Stops PostgreSQL: post-query loses its read database until {@link #startPostgres}. */
    public void stopPostgres() {
        infrastructure.stopPostgres();
    }

    /** Starts PostgreSQL again on the same address, with the data it had. */
    public void startPostgres() {
        infrastructure.startPostgres();
    }

    /** Stops both services (gracefully, then forcibly), then the infrastructure. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeShutdownHook();
        try {
            stopServices();
        } finally {
            infrastructure.close();
        }
    }

    private void stopServices() {
        // Both at once: each may take seconds to finish its graceful shutdown.
        Thread queryStopper = new Thread(() -> stop(queryService), "stop-" + QUERY_SERVICE);
        queryStopper.start();
        stop(commandService);
        extraCommandServices.forEach(LocalStack::stop);
        try {
            queryStopper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(ServiceProcess service) {
        if (service != null) {
            service.stop(STOP_GRACE);
        }
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the JVM is exiting: the hook runs anyway and finds the stack closed
        }
    }

    private ServiceProcess launch(String name, Map<String, String> environment, int port) {
        return ServiceProcess.launch(name, jars.jar(name), port, environment, settings.jvmOptions(),
                settings.logDir().resolve(name + ".log"));
    }

    /** Standard Spring Boot properties, as in docker-compose.yml, and where a new post's Location points. */
    private Map<String, String> commandServiceEnvironment() {
        Map<String, String> environment = new HashMap<>(settings.environment());
        environment.put("SPRING_DATA_MONGODB_URI", infrastructure.mongoConnectionString());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        environment.put("APP_COMMANDS_LOOKUPS_BASE_URL", queryServiceUrl());
        return environment;
    }

    private Map<String, String> queryServiceEnvironment() {
        Map<String, String> environment = new HashMap<>(settings.environment());
        environment.put("SPRING_DATASOURCE_URL", infrastructure.postgresJdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", infrastructure.postgresUsername());
        environment.put("SPRING_DATASOURCE_PASSWORD", infrastructure.postgresPassword());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        return environment;
    }
}
