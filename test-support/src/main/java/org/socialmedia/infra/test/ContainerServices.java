package org.socialmedia.infra.test;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers flavour of the test infrastructure, used where a Docker engine is reachable.
 *
 * <p>An outage is simulated by pausing the container ({@code docker pause}) rather than stopping
 * it: a stopped container would come back on a different mapped port, and the application under
 * test must find its infrastructure at the same address when it returns. Clients of a paused
 * container see time-outs rather than "connection refused".
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
            postgres = started(new PostgreSQLContainer(System.getProperty("infra.postgres.image", "postgres:18")));
        }
        return postgres;
    }

    static KafkaService kafka() {
        KafkaContainer container = kafkaContainer();
        return new Servers.Kafka(container.getBootstrapServers(), () -> pause(container), () -> unpause(container));
    }

    static MongoService mongo() {
        MongoDBContainer container = mongoContainer();
        return new Servers.Mongo(container.getConnectionString(), () -> pause(container), () -> unpause(container));
    }

    static PostgresService postgres() {
        PostgreSQLContainer container = postgresContainer();
        return new Servers.Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                () -> pause(container), () -> unpause(container));
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
        Boolean paused = DockerClientFactory.instance().client()
                .inspectContainerCmd(container.getContainerId()).exec().getState().getPaused();
        return Boolean.TRUE.equals(paused);
    }
}
