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
 * its child process, the identity provider (post-devauth), post-cmd, post-query and the social app
 * (post-web) as child processes from their jars. {@link #start} returns once all four are ready;
 * {@link #close} stops them, then the infrastructure.
 *
 * <p>Both services trust the identity provider as their issuer, as they would trust any OpenID
 * provider in a deployment; its signing key is kept in {@code auth/} under the data folder, so
 * that tokens stay valid across a restart of the stack (and are gone with {@code --fresh}).
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
    public static final String IDENTITY_PROVIDER = "post-devauth";
    public static final String WEB_APP = "post-web";

    /** The social app's OAuth 2.0 client at the identity provider, and where the provider sends the browser back to it. */
    private static final String WEB_APP_LOGIN_CALLBACK = "/login/oauth2/code/social";

    /** Where each service answers 200 once it is ready to take requests. */
    private static final String SERVICE_READINESS = "/readyz";
    private static final String PROVIDER_READINESS = "/.well-known/openid-configuration";

    private static final String BROWSER_CLIENT_ID = "social-web";
    private static final String SWAGGER_UI_REDIRECT = "/swagger-ui/oauth2-redirect.html";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final StackSettings settings;
    private final StackPorts ports;
    private final ServiceJars jars;
    private final Infrastructure infrastructure;
    private final Thread shutdownHook = new Thread(this::close, "local-stack-shutdown");
    private final List<ServiceProcess> extraCommandServices = new ArrayList<>();
    private ServiceProcess identityProvider;
    private ServiceProcess commandService;
    private ServiceProcess queryService;
    private ServiceProcess webApp;
    private boolean closed;

    private LocalStack(StackSettings settings, StackPorts ports, ServiceJars jars, Infrastructure infrastructure) {
        this.settings = settings;
        this.ports = ports;
        this.jars = jars;
        this.infrastructure = infrastructure;
    }

    /** Starts the stack and waits until every service is ready; {@code progress} hears each step. */
    public static LocalStack start(StackSettings settings, Consumer<String> progress) {
        ServiceJars jars = new ServiceJars(settings.repositoryRoot());
        // Fail on a missing jar before anything is started.
        jars.jar(IDENTITY_PROVIDER);
        jars.jar(COMMAND_SERVICE);
        jars.jar(QUERY_SERVICE);
        jars.jar(WEB_APP);
        DataDirectory.prepare(settings.dataDir(), settings.fresh());
        StackPorts ports = settings.ports().resolved();

        progress.accept("Starting PostgreSQL, Kafka and the MongoDB-wire server (data in " + settings.dataDir() + ")");
        LocalStack stack = new LocalStack(settings, ports, jars, Infrastructure.start(settings.dataDir(), ports));
        // Child processes would outlive this JVM; the hook also covers a test run that ends abruptly.
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        try {
            progress.accept("Starting the identity provider, " + COMMAND_SERVICE + ", " + QUERY_SERVICE
                    + (settings.webApp() ? " and the social app" : "") + " (logs in " + settings.logDir() + ")");
            // First, though the services need it only for the first token (they fetch its keys then):
            // all three start side by side, and the stack is ready when all three are.
            stack.identityProvider = ServiceProcess.launch(IDENTITY_PROVIDER, jars.jar(IDENTITY_PROVIDER), ports.auth(),
                    PROVIDER_READINESS, stack.identityProviderEnvironment(), StackSettings.QUICK_START_JVM_OPTIONS,
                    settings.logDir().resolve(IDENTITY_PROVIDER + ".log"));
            stack.commandService = stack.launchCommandService();
            stack.queryService = stack.launchQueryService();
            stack.identityProvider.awaitReady(READY_TIMEOUT);
            // The social app reads the provider's endpoints from its discovery document at start: after it.
            if (settings.webApp()) {
                stack.webApp = ServiceProcess.launch(WEB_APP, jars.jar(WEB_APP), ports.web(), SERVICE_READINESS,
                        stack.webAppEnvironment(), StackSettings.QUICK_START_JVM_OPTIONS,
                        settings.logDir().resolve(WEB_APP + ".log"));
            }
            stack.commandService.awaitReady(READY_TIMEOUT);
            stack.queryService.awaitReady(READY_TIMEOUT);
            if (stack.webApp != null) {
                stack.webApp.awaitReady(READY_TIMEOUT);
            }
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The social app in the browser: what a person opens. */
    public String webAppUrl() {
        return "http://localhost:" + ports.web();
    }

    public String commandServiceUrl() {
        return "http://localhost:" + ports.commandService();
    }

    public String queryServiceUrl() {
        return "http://localhost:" + ports.queryService();
    }

    /** post-cmd's management port: Prometheus, metrics, info and the full health report under {@code /actuator}. */
    public String commandServiceManagementUrl() {
        return "http://localhost:" + ports.commandServiceManagement();
    }

    public String queryServiceManagementUrl() {
        return "http://localhost:" + ports.queryServiceManagement();
    }

    /**
     * The identity provider's address, which is also the issuer ({@code iss}) of its tokens and
     * the services' {@code issuer-uri}: {@code localhost}, as a browser on this machine reaches it.
     */
    public String issuerUrl() {
        return "http://localhost:" + ports.auth();
    }

    /** Tokens from the running identity provider, the way a user gets them. */
    public DevTokenClient tokens() {
        return new DevTokenClient(issuerUrl());
    }

    /**
     * The file that holds the identity provider's signing key (a JSON Web Key with its private
     * parts): kept across restarts, so the tokens a developer holds stay valid.
     */
    public Path signingKeyFile() {
        return settings.dataDir().resolve("auth").resolve("signing-key.json");
    }

    /** The public client of browser apps and of both Swagger UIs (authorization code with PKCE). */
    public String browserClientId() {
        return BROWSER_CLIENT_ID;
    }

    /** Where the browser client may be sent back to after a login: web apps' usual ports and both Swagger UIs. */
    public List<String> browserRedirectUris() {
        return List.of("http://localhost:3000/", "http://localhost:3000/callback", "http://localhost:5173/",
                "http://localhost:5173/callback", commandServiceUrl() + SWAGGER_UI_REDIRECT, queryServiceUrl() + SWAGGER_UI_REDIRECT);
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
        queryService = launchQueryService();
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
        commandService = launchCommandService();
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
        ServiceProcess extra = ServiceProcess.launch(COMMAND_SERVICE, jars.jar(COMMAND_SERVICE), port, SERVICE_READINESS,
                commandServiceEnvironment(FreePort.find()), settings.jvmOptions(), settings.logDir().resolve(logName + ".log"));
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

    /** Stops the services and the identity provider (gracefully, then forcibly), then the infrastructure. Idempotent. */
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
        Thread providerStopper = new Thread(() -> stop(identityProvider), "stop-" + IDENTITY_PROVIDER);
        Thread webStopper = new Thread(() -> stop(webApp), "stop-" + WEB_APP);
        webStopper.start();
        queryStopper.start();
        providerStopper.start();
        stop(commandService);
        extraCommandServices.forEach(LocalStack::stop);
        try {
            queryStopper.join();
            providerStopper.join();
            webStopper.join();
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

    private ServiceProcess launchCommandService() {
        return launch(COMMAND_SERVICE, commandServiceEnvironment(ports.commandServiceManagement()), ports.commandService());
    }

    private ServiceProcess launchQueryService() {
        return launch(QUERY_SERVICE, queryServiceEnvironment(), ports.queryService());
    }

    private ServiceProcess launch(String name, Map<String, String> environment, int port) {
        return ServiceProcess.launch(name, jars.jar(name), port, SERVICE_READINESS, environment, settings.jvmOptions(),
                settings.logDir().resolve(name + ".log"));
    }

    /**
     * The identity provider's issuer is fixed to {@link #issuerUrl()}, whatever host a request
     * names, so that its tokens match the services' {@code issuer-uri}. Its key is kept in the
     * data folder.
     *
     * <p>Minting a token for any user name ({@code POST /dev/mint}) is on in every stack this
     * class starts, and post-devauth's own default keeps it off everywhere else. The end-to-end
     * tests, the fault suite and the benchmark act as hundreds or thousands of distinct users,
     * and {@code ./devstack mint NAME} lets a developer try a name of their own. It gives away
     * nothing the stack does not already give: every user's password is printed in the banner,
     * the admin's included, and a minted token never holds the admin scope.
     */
    private Map<String, String> identityProviderEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER", issuerUrl());
        environment.put("APP_DEVAUTH_KEY_FILE", signingKeyFile().toString());
        environment.put("APP_DEVAUTH_MINT_ANY_USER", "true");
        environment.put("APP_DEVAUTH_REDIRECT_URIS", String.join(",", browserRedirectUris()));
        environment.put("APP_DEVAUTH_BFF_REDIRECT_URIS", webAppUrl() + WEB_APP_LOGIN_CALLBACK);
        environment.put("APP_DEVAUTH_BFF_POST_LOGOUT_REDIRECT_URIS", webAppUrl() + "/");
        return environment;
    }

    /**
     * The social app logs in at the identity provider (its issuer, read by discovery), keeps its
     * sessions in the stack's PostgreSQL (a schema of its own), relays commands to post-cmd, and
     * tells the browser where post-query is.
     */
    private Map<String, String> webAppEnvironment() {
        Map<String, String> environment = new HashMap<>(settings.environment());
        environment.put("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_SOCIAL_ISSUER_URI", issuerUrl());
        environment.put("SPRING_DATASOURCE_URL", infrastructure.postgresJdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", infrastructure.postgresUsername());
        environment.put("SPRING_DATASOURCE_PASSWORD", infrastructure.postgresPassword());
        environment.put("APP_WEB_COMMAND_URL", commandServiceUrl());
        environment.put("APP_WEB_QUERY_URL", queryServiceUrl());
        return environment;
    }

    /**
     * Standard Spring Boot properties, as in docker-compose.yml: the infrastructure, the trusted
     * issuer, the management port; and where a new post's Location points.
     */
    private Map<String, String> commandServiceEnvironment(int managementPort) {
        Map<String, String> environment = serviceEnvironment(managementPort);
        environment.put("SPRING_DATA_MONGODB_URI", infrastructure.mongoConnectionString());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        environment.put("APP_COMMANDS_LOOKUPS_BASE_URL", queryServiceUrl());
        return environment;
    }

    private Map<String, String> queryServiceEnvironment() {
        Map<String, String> environment = serviceEnvironment(ports.queryServiceManagement());
        environment.put("SPRING_DATASOURCE_URL", infrastructure.postgresJdbcUrl());
        environment.put("SPRING_DATASOURCE_USERNAME", infrastructure.postgresUsername());
        environment.put("SPRING_DATASOURCE_PASSWORD", infrastructure.postgresPassword());
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        return environment;
    }

    private Map<String, String> serviceEnvironment(int managementPort) {
        Map<String, String> environment = new HashMap<>(settings.environment());
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuerUrl());
        environment.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
        // The social app reads post-query from the browser, on whatever port it runs; 5173 stays for a
        // frontend developed with a dev server of its own.
        environment.putIfAbsent("APP_CORS_ALLOWED_ORIGINS", webAppUrl() + ",http://localhost:5173");
        return environment;
    }
}
