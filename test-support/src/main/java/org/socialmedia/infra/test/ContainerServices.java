package org.socialmedia.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers flavour of the test infrastructure, used where a Docker engine is reachable.
 *
 * <p>Outages happen to the container as they happen in production: a frozen peer is a paused
 * container ({@code docker pause}: connections stay open, nothing answers); a stopped PostgreSQL
 * is a stopped container ({@code docker stop}, then {@code docker start}), published on a host
 * port fixed when it was created, so that the application under test finds it at the same
 * address when it returns. A stopped Kafka is a paused container: the clients' view of a broker
 * that does not answer, which they treat as unavailable.
 *
 * <p>Images can be overridden with {@code -Dinfra.kafka.image}, {@code -Dinfra.mongo.image} and
 * {@code -Dinfra.postgres.image}. Each container is started once per JVM, on first use, and shared
 * by {@link TestInfrastructure} and the Spring Boot connections ({@link TestKafka}, {@link TestMongo},
 * {@link TestPostgres}); Testcontainers' reaper removes it when the JVM ends.
 */
final class ContainerServices {

    private static KafkaContainer kafka;
    private static MongoDBContainer mongo;
    private static PostgreSQLContainer postgres;

    private ContainerServices() {
    }

    /** The broker image matching the Kafka client version on the class path, started on first use. */
    static synchronized KafkaContainer kafkaContainer() {
        if (kafka == null) {
            kafka = started(new KafkaContainer(System.getProperty("infra.kafka.image", "apache/kafka:" + AppInfoParser.getVersion())));
        }
        return kafka;
    }

    /** A single-node replica set, as in production: transactions and change streams need one. */
    static synchronized MongoDBContainer mongoContainer() {
        if (mongo == null) {
            mongo = started(new MongoDBContainer(System.getProperty("infra.mongo.image", "mongo:8")).withReplicaSet());
        }
        return mongo;
    }

    static synchronized PostgreSQLContainer postgresContainer() {
        if (postgres == null) {
            PostgreSQLContainer container = new PostgreSQLContainer(System.getProperty("infra.postgres.image", "postgres:18"))
                    // As many connections as the embedded server allows: every test context the
                    // suite keeps cached holds a pool and a listening connection of its own.
                    .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
            container.setPortBindings(List.of(freePort() + ":" + PostgreSQLContainer.POSTGRESQL_PORT));
            postgres = started(container);
        }
        return postgres;
    }

    static KafkaService kafka() {
        KafkaContainer container = kafkaContainer();
        return new Servers.Kafka(container.getBootstrapServers(), paused(container));
    }

    static MongoService mongo() {
        MongoDBContainer container = mongoContainer();
        return new Servers.Mongo(container.getConnectionString(), paused(container));
    }

    static PostgresService postgres() {
        PostgreSQLContainer container = postgresContainer();
        Servers.Fault stopped = new Servers.Fault(() -> stop(container), () -> startAgain(container));
        return new Servers.Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                stopped, paused(container));
    }

    /**
     * Where Testcontainers' reaper cannot run ({@code TESTCONTAINERS_RYUK_DISABLED=true}) nothing
     * else would remove the container at JVM exit, so a shutdown hook stops it.
     */
    private static <C extends GenericContainer<?>> C started(C container) {
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-" + container.getDockerImageName()));
        return container;
    }

    private static Servers.Fault paused(GenericContainer<?> container) {
        return new Servers.Fault(() -> pause(container), () -> unpause(container));
    }

    private static synchronized void stop(PostgreSQLContainer container) {
        unpause(container);
        DockerClientFactory.instance().client().stopContainerCmd(container.getContainerId()).withTimeout(10).exec();
    }

    /** Starts a stopped container again and waits until PostgreSQL answers on its (unchanged) port. */
    private static synchronized void startAgain(PostgreSQLContainer container) {
        if (Boolean.TRUE.equals(state(container).getRunning())) {
            return;
        }
        DockerClientFactory.instance().client().startContainerCmd(container.getContainerId()).exec();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection connection = DriverManager.getConnection(withParameters(container.getJdbcUrl(), "connectTimeout=2&socketTimeout=2"),
                    container.getUsername(), container.getPassword())) {
                if (connection.isValid(2)) {
                    return;
                }
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not answer within 60 s of its restart", notYet);
                }
            }
            sleep(Duration.ofMillis(200));
        }
    }

    private static synchronized void pause(GenericContainer<?> container) {
        if (!isPaused(container)) {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
        }
    }

    private static synchronized void unpause(GenericContainer<?> container) {
        if (isPaused(container)) {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
        }
    }

    private static boolean isPaused(GenericContainer<?> container) {
        return Boolean.TRUE.equals(state(container).getPaused());
    }

    private static InspectContainerResponse.ContainerState state(GenericContainer<?> container) {
        return DockerClientFactory.instance().client().inspectContainerCmd(container.getContainerId()).exec().getState();
    }

    static String withParameters(String jdbcUrl, String parameters) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + parameters;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for a container", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a container", e);
        }
    }
}
