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
 * {@code -Dinfra.postgres.image}. Containers are started once per JVM and removed by
 * Testcontainers' reaper when the JVM ends.
 */
final class ContainerServices {

    private ContainerServices() {
    }

    static KafkaService kafka() {
        // The broker image matching the Kafka client version on the class path.
        KafkaContainer container = new KafkaContainer(
                System.getProperty("infra.kafka.image", "apache/kafka:" + AppInfoParser.getVersion()));
        container.start();
        return new KafkaService() {
            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            @Override
            public void stop() {
                pause(container);
            }

            @Override
            public void start() {
                unpause(container);
            }
        };
    }

    static MongoService mongo() {
        // A single-node replica set, as in production: transactions and change streams need one.
        MongoDBContainer container = new MongoDBContainer(System.getProperty("infra.mongo.image", "mongo:8"))
                .withReplicaSet();
        container.start();
        return new MongoService() {
            @Override
            public String connectionString() {
                return container.getConnectionString();
            }

            @Override
            public void stop() {
                pause(container);
            }

            @Override
            public void start() {
                unpause(container);
            }
        };
    }

    static PostgresService postgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(System.getProperty("infra.postgres.image", "postgres:18"));
        container.start();
        return new PostgresService() {
            @Override
            public String jdbcUrl() {
                return container.getJdbcUrl();
            }

            @Override
            public String username() {
                return container.getUsername();
            }

            @Override
            public String password() {
                return container.getPassword();
            }

            @Override
            public void stop() {
                pause(container);
            }

            @Override
            public void start() {
                unpause(container);
            }
        };
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
