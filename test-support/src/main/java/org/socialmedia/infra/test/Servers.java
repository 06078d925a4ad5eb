package org.socialmedia.infra.test;

/**
 * The services as both flavours hand them out: where a server is reached, and how an outage of it
 * begins and ends. The addresses do not change across an outage, so they are plain values.
 */
final class Servers {

    private Servers() {
    }

    record Kafka(String bootstrapServers, Runnable stopping, Runnable starting) implements KafkaService {
        @Override
        public void stop() {
            stopping.run();
        }

        @Override
        public void start() {
            starting.run();
        }
    }

    record Mongo(String connectionString, Runnable stopping, Runnable starting) implements MongoService {
        @Override
        public void stop() {
            stopping.run();
        }

        @Override
        public void start() {
            starting.run();
        }
    }

    record Postgres(String jdbcUrl, String username, String password, Runnable stopping, Runnable starting)
            implements PostgresService {
        @Override
        public void stop() {
            stopping.run();
        }

        @Override
        public void start() {
            starting.run();
        }
    }
}
