package org.socialmedia.infra.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker in KRaft mode (one node that is both broker and controller) running inside
 * this JVM.
 *
 * <p>Why this exists: there is no Docker engine on the build machines, and Spring Kafka's
 * {@code EmbeddedKafkaKraftBroker} needs Kafka's {@code test}-classifier jars, which Maven Central
 * does not carry for the Kafka version Spring Boot manages. The production {@code kafka_2.13} jar
 * contains everything a broker needs, so we do what {@code kafka-storage.sh format} and
 * {@code kafka-server-start.sh} do: format the log directory with Kafka's own {@link Formatter}
 * and run {@link KafkaRaftServer}.
 *
 * <p>The broker can be stopped and restarted in the same JVM on the same address and the same
 * log directory, so tests can simulate a Kafka outage: while it is stopped, clients get
 * "connection refused"; after {@link #restart()} the topics and records written before are there.
 *
 * <p>{@link #stop()} and {@link #restart()} are synchronized and block until the broker is down
 * or serving again. A new instance on an existing log directory (for example after a JVM
 * restart) finds the earlier topics and records too.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    /**
     * Server-side logger names. Kafka's broker logs hundreds of INFO lines at start-up and on
     * every topic creation; tests want the application's logs, not the broker's. The client
     * loggers ({@code org.apache.kafka.clients}) are left alone on purpose.
     */
    private static final String[] SERVER_LOGGERS = {
            "kafka", "state.change.logger",
            "org.apache.kafka.server", "org.apache.kafka.controller", "org.apache.kafka.raft",
            "org.apache.kafka.metadata", "org.apache.kafka.image", "org.apache.kafka.storage",
            "org.apache.kafka.coordinator", "org.apache.kafka.snapshot", "org.apache.kafka.queue",
            "org.apache.kafka.network", "org.apache.kafka.security", "org.apache.kafka.common.network",
            "org.apache.kafka.common.config", "org.apache.kafka.common.utils.AppInfoParser",
            "org.apache.kafka.common.metrics",
    };

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDir, int port, int controllerPort) {
        this.logDir = logDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /**
     * Formats {@code logDir} if it has never been formatted, then starts the broker. An existing,
     * formatted directory is reused, so data written by an earlier broker on the same directory
     * is available again.
     *
     * @param logDir the Kafka log directory (also holds the KRaft metadata log)
     * @param port   the client port, or 0 to choose a free port once and keep it for restarts
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(logDir, FreePorts.resolve(port), FreePorts.find());
        broker.startServer();
        return broker;
    }

    /** The address clients connect to, for example {@code 127.0.0.1:39017}; stable across restarts. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Shuts the broker down and waits until its sockets are closed. The log directory is kept. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long started = System.nanoTime();
        KafkaRaftServer running = server;
        server = null;
        running.shutdown();
        running.awaitShutdown();
        LOG.info("Embedded Kafka broker on {} stopped in {} ms", bootstrapServers(), millisSince(started));
    }

    /** Stops the broker if it is running and starts it again on the same port with the same data. */
    public synchronized void restart() {
        stop();
        startServer();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void startServer() {
        if (server != null) {
            return;
        }
        QuietLogging.atWarn(SERVER_LOGGERS);
        long started = System.nanoTime();
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log directory " + logDir, e);
        }
        Properties props = serverProperties();
        formatIfNeeded();
        // doLog=false: KafkaConfig would otherwise print every one of its ~300 settings at INFO.
        KafkaConfig config = KafkaConfig.fromProps(props, false);
        KafkaRaftServer candidate = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            candidate.startup();
            awaitReady();
        } catch (RuntimeException e) {
            candidate.shutdown();
            candidate.awaitShutdown();
            throw new IllegalStateException("embedded Kafka broker did not start on " + bootstrapServers(), e);
        }
        server = candidate;
        LOG.info("Embedded Kafka broker started on {} in {} ms (log dir {})", bootstrapServers(), millisSince(started), logDir);
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /**
     * Single-node settings. Everything that defaults to three replicas must be one here, or
     * consumer groups and transactions could never start; the rest keeps start-up and the first
     * consumer-group join fast.
     */
    private Properties serverProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toString());

        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "3");
        p.put("group.initial.rebalance.delay.ms", "0");

        // The log cleaner allocates its dedupe buffer (128 MiB by default) eagerly; a test broker
        // compacts almost nothing, so a small buffer saves heap in the test JVM.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("num.recovery.threads.per.data.dir", "1");
        // controlled.shutdown.enable must stay true (the default): the broker then deregisters
        // cleanly on stop(). Without it, the restarted controller still sees the old broker
        // session and rejects the new registration until broker.session.timeout.ms passes, so
        // every restart would wait for that timeout.
        return p;
    }

    /**
     * Does what {@code kafka-storage.sh format} does for a static quorum
     * ({@code controller.quorum.voters}): writes {@code meta.properties} and the bootstrap
     * metadata checkpoint. Only done once per directory; a restart must not re-format (Kafka
     * refuses to, and it would lose the data).
     */
    private void formatIfNeeded() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .addDirectory(logDir.toString())
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka log directory " + logDir, e);
        }
    }

    /**
     * Asks the broker for its cluster view through the client listener, so that callers get a
     * broker that already answers clients, whatever {@code startup()} waited for.
     */
    private void awaitReady() {
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(adminProps)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(30_000)).nodes().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka broker did not become ready", e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[" + bootstrapServers() + ", logDir=" + logDir + ", running=" + isRunning() + "]";
    }
}
