package org.socialmedia.infra.test;

/**
 * A MongoDB (or MongoDB wire-protocol) server for integration tests. The connection string
 * names no database: the application chooses it (for Spring Boot, {@code spring.mongodb.database}).
 * {@link #stop()} and {@link #start()} simulate an outage and its end; data is kept.
 */
public interface MongoService {

    /** For example {@code mongodb://127.0.0.1:40123}. */
    String connectionString();

    void stop();

    void start();
}
