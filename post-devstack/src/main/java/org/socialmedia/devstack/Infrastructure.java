package org.socialmedia.devstack;

import java.nio.file.Path;

import org.socialmedia.infra.embedded.EmbeddedKafkaBroker;
import org.socialmedia.infra.embedded.EmbeddedMongoServer;
import org.socialmedia.infra.embedded.EmbeddedPostgresServer;

/**
 * Kafka and the MongoDB-wire server in this JVM, PostgreSQL as its child process, each keeping its
 * data under the data folder, so that a restart of the stack finds the events, the topic and the
 * read model again. MongoDB uses the H2 file backend for the same reason.
 */
final class Infrastructure implements AutoCloseable {

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedMongoServer mongo;
    private final EmbeddedKafkaBroker kafka;

    private Infrastructure(EmbeddedPostgresServer postgres, EmbeddedMongoServer mongo, EmbeddedKafkaBroker kafka) {
        this.postgres = postgres;
        this.mongo = mongo;
        this.kafka = kafka;
    }

    static Infrastructure start(Path dataDir, StackPorts ports) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), ports.postgres());
        EmbeddedMongoServer mongo = null;
        try {
            mongo = EmbeddedMongoServer.onFile(dataDir.resolve("mongo").resolve("event-store.mv"), ports.mongo());
            EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), ports.kafka());
            return new Infrastructure(postgres, mongo, kafka);
        } catch (RuntimeException e) {
            if (mongo != null) {
                mongo.close();
            }
            postgres.close();
            throw e;
        }
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    String mongoConnectionString() {
        return mongo.connectionString();
    }

    String postgresJdbcUrl() {
        return postgres.jdbcUrl();
    }

    String postgresUsername() {
        return postgres.username();
    }

    String postgresPassword() {
        return postgres.password();
    }

    void stopKafka() {
        kafka.stop();
    }

    /** On the same port, with the topics and records written before the stop. */
    void startKafka() {
        kafka.restart();
    }

    void stopPostgres() {
        postgres.stop();
    }

    /** On the same port, with the data written before the stop. */
    void startPostgres() {
        postgres.restart();
    }

    @Override
    public void close() {
        kafka.close();
        mongo.close();
        postgres.close();
    }
}
