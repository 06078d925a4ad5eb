package org.socialmedia.infra.test;

/**
 * The services as both flavours hand them out: where a server is reached, and how each kind of
 * outage begins and ends. The addresses do not change across an outage, so they are plain values.
 */
final class Servers {

    private Servers() {
    }

    /** One way a server fails: what begins it and what ends it. */
    record Fault(Runnable begin, Runnable end) {
    }

    record Kafka(String bootstrapServers, Fault stopped) implements KafkaService {
        @Override
        public void stop() {
            stopped.begin().run();
        }

        @Override
        public void start() {
            stopped.end().run();
        }
    }

    record Mongo(String connectionString, Fault frozen) implements MongoService {
        @Override
        public void freeze() {
            frozen.begin().run();
        }

        @Override
        public void thaw() {
            frozen.end().run();
        }
    }

    record Postgres(String jdbcUrl, String username, String password, Fault stopped, Fault frozen)
            implements PostgresService {
        @Override
        public void stop() {
            stopped.begin().run();
        }

        @Override
        public void start() {
            stopped.end().run();
        }

        @Override
        public void freeze() {
            frozen.begin().run();
        }

        @Override
        public void thaw() {
            frozen.end().run();
        }
    }
}
